import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { createUser, login } from '#test/factories'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

/** The cite dialog's metric and product choice, and the metric registry pages, in Chromium (issue 13). */
describe('metrics in Chromium', { timeout: 180_000 }, () => {
  // The demo brings the products (Tchap…) and sources the dialog offers.
  const { t, server } = withTestApp({ engine: 'sqlite' })
  let browser: Browser
  let cookie: string
  beforeAll(async () => {
    browser = await launchBrowser()
    const editor = await createUser(t.db, { role: 'trusted' })
    cookie = await login(server.url, editor.username)
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function context(lang: 'en' | 'de' | 'fr'): Promise<BrowserContext> {
    const [name, ...value] = cookie.split('=')
    const made = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...(lang === 'en' ? {} : { locale: lang, extraHTTPHeaders: { 'accept-language': lang } }) })
    await made.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    return made
  }
  const eventually = <T,>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 })

  it('picks a metric by searching its definition, takes the product named in the sentence, and marks an undated figure', async () => {
    const ctx = await context('en')
    const page = await ctx.newPage()
    const errors = watchErrors(page)
    await page.goto(`${server.url}/pages/new`)
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.ProseMirror').click()
    await page.keyboard.type('Tchap has 200,000 daily users.')
    await eventually(() => page.getByTestId('findings-summary').textContent()).toBe('1 uncited figure')
    await page.getByRole('button', { name: 'Cite “200,000”' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cite “200,000”' })
    await dialog.waitFor()
    await dialog.getByLabel('Search known sources (title, publisher or address)').fill('LaSuite')
    await dialog.getByRole('radio', { name: /L'État lance LaSuite/ }).check()
    await dialog.getByLabel('Quoted passage').fill('plus de 200 000 utilisateurs actifs quotidiens')
    await dialog.getByRole('checkbox', { name: 'The source gives no date for this number' }).check()
    expect(await dialog.getByLabel('As of').isDisabled()).toBe(true)

    // The metric: found by a word of its definition, shown with that definition.
    await dialog.getByLabel('Find a metric').fill('daily active')
    const dau = dialog.getByRole('radio', { name: /Daily active users/ })
    await eventually(() => dau.count()).toBe(1)
    await expect.poll(() => dialog.getByText(/at least once in one day/).count()).toBeGreaterThan(0)
    await dau.check()

    // The product: suggested from the sentence, confirmed by the editor.
    const suggestion = dialog.getByRole('button', { name: 'Tchap (in the sentence)' })
    await eventually(() => suggestion.count()).toBe(1)
    expect(await dialog.getByLabel('Product it is about').inputValue()).toBe('')
    await suggestion.click()
    expect(await dialog.getByLabel('Product it is about').inputValue()).toBe('tchap')
    await expectNoAxeViolations(page)

    await dialog.getByRole('button', { name: 'Cite figure' }).click()
    await eventually(() => dialog.isVisible()).toBe(false)
    const mark = page.locator('.ProseMirror span.figure')
    await eventually(() => mark.getAttribute('data-metric')).toBe('daily-active-users')
    expect(await mark.getAttribute('data-product')).toBe('tchap')
    expect(await mark.getAttribute('data-as-of')).toBe('undated')
    await eventually(() => page.getByTestId('findings-summary').textContent()).toBe('1 note on what figures count')
    expect(errors).toEqual([])
    await ctx.close()
  })

  it('takes an unregistered metric only with its written definition', async () => {
    const ctx = await context('en')
    const page = await ctx.newPage()
    await page.goto(`${server.url}/pages/new`)
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.ProseMirror').click()
    await page.keyboard.type('Slack had 12 million users.')
    await eventually(() => page.getByTestId('findings-summary').textContent()).toBe('1 uncited figure')
    await page.getByRole('button', { name: 'Cite “12 million”' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cite “12 million”' })
    await dialog.waitFor()
    await dialog.getByLabel('Search known sources (title, publisher or address)').fill('teletravail')
    // By name: the first radio before the search answers is another source, whose date could refuse the as-of.
    await dialog.getByRole('radio', { name: /Télétravail : des millions/ }).check()
    await dialog.getByLabel('Quoted passage').fill("12 millions d'utilisateurs actifs quotidiens")
    await dialog.getByLabel('As of').fill('2019-10')
    await dialog.getByRole('radio', { name: 'Not in the list: describe what it counts' }).check()
    await dialog.getByLabel('What it counts, in your words').fill('peak concurrent users')
    await dialog.getByRole('button', { name: 'Cite figure' }).click()
    await eventually(() => dialog.getByText('Write the definition of this metric.').count()).toBe(1)
    expect(await dialog.isVisible()).toBe(true)
    await dialog.getByLabel('Definition', { exact: true }).fill('The most people connected at the same moment.')
    await dialog.getByRole('button', { name: 'Cite figure' }).click()
    await eventually(() => dialog.isVisible()).toBe(false)
    const mark = page.locator('.ProseMirror span.figure')
    expect(await mark.getAttribute('data-metric')).toBe('peak concurrent users')
    expect(await mark.getAttribute('data-metric-definition')).toBe('The most people connected at the same moment.')
    await eventually(() => page.getByTestId('findings-summary').textContent()).toBe('1 note on what figures count')
    await ctx.close()
  })

  it.each(['en', 'de', 'fr'] as const)('shows the metric registry axe-clean in %s', async (lang) => {
    const ctx = await context(lang)
    const page = await ctx.newPage()
    const errors = watchErrors(page)
    await page.goto(`${server.url}/metrics`)
    await expectNoAxeViolations(page)
    await page.goto(`${server.url}/metrics/daily-active-users`)
    await expect.poll(() => page.locator('h1').textContent()).toBe({ en: 'Daily active users', de: 'Täglich aktive Nutzende', fr: 'Utilisateurs actifs quotidiens' }[lang])
    await expectNoAxeViolations(page)
    expect(errors).toEqual([])
    await ctx.close()
  })
})
