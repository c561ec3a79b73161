import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listFigures } from '#app/models/evidence.server'
import { recordLinkCheck } from '#app/models/link-checks.server'
import { getPageBySlug } from '#app/models/pages.server'
import { withTestApp } from '#test/app'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

const SLUG = 'zoom-vs-visio'

describe('a reader verifies a figure in Chromium', () => {
  const { t, server } = withTestApp({ engine: 'sqlite' })
  let browser: Browser
  let checkedSourceId: string
  beforeAll(async () => {
    browser = await launchBrowser()
    // What a link-checker run would have left: every source of the page checked, its quotes found.
    const page = (await getPageBySlug(t.db, SLUG))!
    const figures = await listFigures(t.db, page.stableRevisionId!)
    const bySource = new Map<string, string[]>()
    for (const f of figures) if (f.sourceId && f.quote) bySource.set(f.sourceId, [...(bySource.get(f.sourceId) ?? []), f.quote])
    for (const [sourceId, quotes] of bySource) {
      await recordLinkCheck(t.db, { sourceId, checkedAt: '2026-11-20T10:00:00.000Z', status: 'ok', httpStatus: 200, finalUrl: null, reason: null, quoteResults: quotes.map((quote) => ({ quote, found: true })) })
    }
    checkedSourceId = [...bySource.keys()][0]!
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('tabs to a figure, opens it with Enter, reads the evidence and follows the source link', async () => {
    const page = await browser.newPage()
    const errors = watchErrors(page)
    await page.goto(`${server.url}/pages/${SLUG}`)
    // Let hydration finish, so the keys below reach the page a reader would have.
    await page.waitForLoadState('networkidle')

    // Keyboard only: Tab until a figure has focus.
    let focused = ''
    for (let i = 0; i < 80 && focused !== 'fig'; i++) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate(() => (document.activeElement?.classList.contains('fig') ? 'fig' : ''))
    }
    expect(focused).toBe('fig')
    const panelId = await page.evaluate(() => document.activeElement!.getAttribute('popovertarget')!)
    await page.keyboard.press('Enter')
    const panel = page.locator(`#${panelId}`)
    await expect.poll(() => panel.isVisible()).toBe(true)
    const text = await panel.innerText()
    expect(text).toMatch(/Quoted passage\s+\S/)
    expect(text).toMatch(/As of\s+\S+/)
    expect(text).toMatch(/\((\d+ months? old|\d+ years? old|less than a month old)\)/)
    expect(text).toContain('Quote found on the page as of Nov 20, 2026.')
    await expectNoAxeViolations(page)

    // The source link: an external address that does not load offline, so the test answers it.
    const link = panel.getByRole('link').first()
    const href = (await link.getAttribute('href'))!
    expect(href).toMatch(/^https:\/\//)
    await page.route(href, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>The source</title><p>The cited source.</p>' }))
    let onLink = false
    for (let i = 0; i < 20 && !onLink; i++) {
      await page.keyboard.press('Tab')
      onLink = await page.evaluate((url) => document.activeElement instanceof HTMLAnchorElement && document.activeElement.getAttribute('href') === url, href)
    }
    expect(onLink).toBe(true)
    await Promise.all([page.waitForURL(href), page.keyboard.press('Enter')])
    expect(page.url()).toBe(new URL(href).href)
    expect(await page.title()).toBe('The source')
    expect(errors).toEqual([])
    await page.close()
  })

  it.each([
    { name: 'the source registry', path: () => '/sources' },
    { name: 'a filtered registry in German', path: () => '/sources?kind=vendor', lang: 'de' },
    { name: 'one source with its checks', path: () => `/sources/${checkedSourceId}` },
    { name: 'a page’s sources', path: () => `/pages/${SLUG}/sources` },
    { name: 'a page’s sources in French', path: () => `/pages/${SLUG}/sources`, lang: 'fr' },
  ])('$name is axe-clean', async ({ path, lang }) => {
    const context = await browser.newContext({ locale: lang ?? 'en', extraHTTPHeaders: lang ? { 'accept-language': lang } : {} })
    const page = await context.newPage()
    const errors = watchErrors(page)
    const response = await page.goto(server.url + path())
    expect(response?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe(lang ?? 'en')
    await expectNoAxeViolations(page)
    expect(errors).toEqual([])
    await context.close()
  })
})
