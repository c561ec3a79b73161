import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '#test/db'
import { startServer, type RunningServer } from '#test/server'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

describe('products and alternatives in Chromium', () => {
  let t: TestDatabase
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    t = await createTestDatabase({ engine: 'sqlite' })
    server = await startServer({ databaseUrl: t.url })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await t?.destroy()
  })

  it.each(['en', 'de', 'fr'])('product and alternatives pages are axe-clean in %s', async (lang) => {
    const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'accept-language': lang } })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url + '/products/microsoft-teams')
    await expect.poll(() => page.locator('h1').textContent()).toBe('Microsoft Teams')
    expect(await page.getAttribute('html', 'lang')).toBe(lang)
    await expectNoAxeViolations(page)
    await page.goto(server.url + '/alternatives/microsoft-teams?license=copyleft')
    await expect.poll(() => page.locator('table a[href="/products/element"]').count()).toBe(1)
    await expectNoAxeViolations(page)
    expect(errors).toEqual([])
    await context.close()
  })
})
