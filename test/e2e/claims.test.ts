import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { createUser, login } from '#test/factories'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

describe('timelines and unverified claims in Chromium', () => {
  const { t, server } = withTestApp({ engine: 'sqlite' })
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it.each(['en', 'de', 'fr'])('the product page with its timelines and /claims/unverified are axe-clean in %s', async (lang) => {
    const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'accept-language': lang } })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url + '/products/tchap')
    await expect.poll(() => page.locator('.timeline-block').count()).toBeGreaterThanOrEqual(2)
    await expectNoAxeViolations(page)
    await page.goto(server.url + '/claims/unverified')
    await expect.poll(() => page.locator('article.unverified').count()).toBeGreaterThanOrEqual(5)
    await expectNoAxeViolations(page)
    expect(errors).toEqual([])
    await context.close()
  })

  it('reaches every point of a timeline with the keyboard, each named, and Enter opens its evidence', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(server.url + '/products/tchap')
    const block = page.locator('.timeline-block[data-metric="registered-accounts"]')
    const points = block.locator('a.timeline__point')
    const count = await points.count()
    expect(count).toBeGreaterThanOrEqual(3)
    // Tab from the metric's heading link walks through the chart's points in order.
    await block.locator('h3 a').focus()
    const names: string[] = []
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const el = document.activeElement
        return el ? { cls: el.getAttribute('class') ?? '', name: el.getAttribute('aria-label') ?? '', href: el.getAttribute('href') ?? '' } : null
      })
      expect(focused?.cls).toContain('timeline__point')
      expect(focused?.name).toMatch(/open the evidence$/)
      names.push(focused!.name)
    }
    expect(new Set(names).size).toBe(count)
    expect(names.some((n) => n.includes('March 2021'))).toBe(true)
    // The accessibility tree names the point as a link.
    const snapshot = await block.locator('svg.timeline').ariaSnapshot()
    expect(snapshot).toContain('link "')
    // A point cited on a comparison opens the figure there, with its evidence.
    const onPage = block.locator('a.timeline__point[href^="/pages/"]').first()
    const href = (await onPage.getAttribute('href'))!
    await onPage.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname + url.hash === href)
    await expect.poll(() => page.locator(href.slice(href.indexOf('#'))).count()).toBe(1)
    await context.close()
  })

  it('records an unverified claim through the form; it appears on the product page, marked unverified', async () => {
    const user = await createUser(t.db, { role: 'editor' })
    const cookie = await login(server.url, user.username)
    const [name, ...value] = cookie.split('=')
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url + '/products/tchap')
    await page.getByRole('link', { name: 'Record a claim seen without a source' }).click()
    await page.waitForURL('**/claims/unverified?product=tchap**')
    // An empty claim is refused by the browser before anything is sent.
    await page.getByRole('button', { name: 'Record the claim' }).click()
    expect(await page.getByLabel('The claim, in the words seen').evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true)
    await page.getByLabel('The claim, in the words seen').fill('Tchap is used by 314,159 people every day')
    await page.getByLabel('Where it was seen').fill('https://forum.example/threads/42')
    expect(await page.getByLabel('Product (if known)').inputValue()).toBe('tchap')
    await page.getByLabel('What it counts (if known)').selectOption('daily-active-users')
    await page.getByRole('button', { name: 'Record the claim' }).click()
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('recorded as unverified')
    await page.goto(server.url + '/products/tchap')
    const claim = page.locator('.unverified-list article', { hasText: 'Tchap is used by 314,159 people every day' })
    await expect.poll(() => claim.count()).toBe(1)
    expect(await claim.locator('.badge').textContent()).toBe('unverified')
    // Never among the figures: the timelines do not carry it.
    expect(await page.locator('.timelines').textContent()).not.toContain('314,159')
    expect(errors).toEqual([])
    await context.close()
  })
})
