import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { createUser, login } from '#test/factories'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

describe('products and alternatives in Chromium', () => {
  const { t, server } = withTestApp({ engine: 'sqlite' })
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
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

  it('picks an existing product and creates a new one from the subjects picker; the comparison links to both', async () => {
    const user = await createUser(t.db, { role: 'trusted' })
    const cookie = await login(server.url, user.username)
    const [name, ...value] = cookie.split('=')
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    const page = await context.newPage()
    await page.goto(server.url + '/pages/new')
    await page.locator('.ProseMirror').waitFor()
    await page.getByLabel('Title', { exact: true }).fill('Teams vs Acme Meet')
    await page.getByLabel('Find a product for “Proprietary products”').fill('Teams')
    await page.getByRole('button', { name: 'Microsoft Teams · Microsoft' }).click()
    await page.getByLabel('Find a product for “Open-source alternatives”').fill('Acme Meet')
    await page.getByLabel('Licence of the new product (SPDX)').fill('MIT')
    await page.getByRole('button', { name: 'Create product “Acme Meet”' }).click()
    await expect.poll(() => page.getByText('Product “Acme Meet” created and added.').count(), { timeout: 15_000 }).toBe(1)
    await page.getByRole('checkbox', { name: 'Video conferencing' }).check()
    await page.locator('.ProseMirror').click()
    await page.keyboard.type('Acme Meet runs meetings.')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForURL('**/pages/teams-vs-acme-meet**')
    await expect.poll(() => page.locator('.subjects a[href="/products/microsoft-teams"]').count(), { timeout: 15_000 }).toBe(1)
    expect(await page.locator('.subjects a[href="/products/acme-meet"]').count()).toBe(1)
    await context.close()
  })
})
