import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

describe('a reader in Chromium', () => {
  const { server } = withTestApp({ engine: 'sqlite' })
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('opens the home page, a comparison and a figure’s source, and every page is axe-clean', async () => {
    const page = await browser.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url + '/')
    await expect.poll(() => page.locator('h1').textContent()).toContain('Compare proprietary software')
    await expectNoAxeViolations(page)

    await page.getByRole('link', { name: 'Microsoft Teams, WhatsApp and Slack vs Tchap' }).click()
    await page.waitForURL('**/pages/microsoft-teams-vs-tchap')
    await expectNoAxeViolations(page)

    const figure = page.locator('button.fig', { hasText: '375,000' })
    await figure.click()
    const panel = page.locator('#' + (await figure.getAttribute('popovertarget')))
    await expect.poll(() => panel.isVisible()).toBe(true)
    const text = await panel.innerText()
    expect(text).toContain('Source')
    expect(text).toMatch(/Quoted passage\s+375 000/)
    expect(text).toMatch(/As of/)
    expect(text).toMatch(/monthly active users/i)
    expect(await panel.getByRole('link').first().getAttribute('href')).toMatch(/^https:\/\//)
    await expectNoAxeViolations(page)

    await page.keyboard.press('Escape')
    await expect.poll(() => panel.isVisible()).toBe(false)

    // The keyboard alone: focus a figure, open it with Enter.
    const other = page.locator('button.fig').first()
    await other.focus()
    await page.keyboard.press('Enter')
    const otherPanel = page.locator('#' + (await other.getAttribute('popovertarget')))
    await expect.poll(() => otherPanel.isVisible()).toBe(true)
    expect(await otherPanel.innerText()).toMatch(/months? old|years? old/)
    expect(errors).toEqual([])
  })

  it('switches the interface language and keeps the choice', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(server.url + '/pages/zoom-vs-visio')
    // One click, a plain form button named in its own language.
    await page.getByRole('button', { name: 'DE Deutsch' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de')
    await page.goto(server.url + '/')
    expect(await page.locator('h1').textContent()).toContain('Proprietäre Software')
    await expectNoAxeViolations(page)
    await context.close()
  })
})
