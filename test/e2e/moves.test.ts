import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { createPage, createRevision, createSource, createUser, login } from '#test/factories'
import { doc, figure, p, text } from '#test/fixtures/docs'
import { get } from '#test/http/requests'
import { translator } from '#app/core/i18n/index'
import { movePage } from '#app/services/move-page.server'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

/**
 * Moving a page through the UI against the built app: a trusted editor renames it, lands on the
 * new address, and the old one answers 301. The move, delete and visibility forms are axe-clean
 * in English, German and French.
 */
describe('moving a page in the browser', () => {
  let browser: Browser
  let trustedCookie = ''
  let adminCookie = ''
  let firstRevision = ''

  let trusted: Awaited<ReturnType<typeof createUser>>
  let admin: Awaited<ReturnType<typeof createUser>>
  // The rows are written before the server starts.
  const { server } = withTestApp({ engine: 'sqlite' }, {
    env: { DEMO_CONTENT: 'false' },
    seed: async (t) => {
      trusted = await createUser(t.db, { role: 'trusted' })
      admin = await createUser(t.db, { role: 'admin' })
      const source = await createSource(t.db)
      const cited = figure('5,000', { sourceId: source.id, quote: 'used by 5,000 agencies', asOf: '2025-06' })
      const edit = (title: string, words: string) => ({ title, summary: words, body: doc(p(text(`Visio is used by `), cited, text(` agencies. ${words}`))) })
      // The page the first test moves, and one already moved for the forms test, whichever runs first.
      for (const [title, slug] of [['Teams vs Visio', 'teams-vs-visio'], ['Webex vs Visio', 'webex-vs-visio']] as const) {
        const first = await createPage(t.db, trusted, edit(title, 'Start'))
        await createRevision(t.db, trusted, slug, { ...edit(title, 'More'), base: first.revision.id })
        if (slug === 'webex-vs-visio') firstRevision = first.revision.id
      }
      const moved = await movePage(t.db, { actor: trusted, slug: 'webex-vs-visio', to: 'webex-visio', reason: 'Shorter' })
      if (!moved.ok) throw new Error('setup failed')
    },
  })
  beforeAll(async () => {
    browser = await launchBrowser()
    trustedCookie = await login(server.url, trusted.username)
    adminCookie = await login(server.url, admin.username)
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function contextFor(cookie: string, lang = 'en'): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'accept-language': lang }, viewport: { width: 1280, height: 900 } })
    const [name, ...value] = cookie.split('=')
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    return context
  }

  it('renames a page from its Move link; the old address redirects', async () => {
    const context = await contextFor(trustedCookie)
    const page = await context.newPage()
    const errors = watchErrors(page)
    try {
      await page.goto(`${server.url}/pages/teams-vs-visio`)
      await page.getByRole('link', { name: 'Move', exact: true }).click()
      await page.waitForURL('**/pages/teams-vs-visio/move')
      await expectNoAxeViolations(page)
      // An address another page cannot have is refused with a message, and the form stays axe-clean.
      await page.getByLabel('New address').fill('Teams vs Visio!')
      await page.getByLabel('Reason (public, in the moderation log)').fill('Shorter')
      // The browser's own check (the pattern) would stop the post; the server's answer is under test.
      await page.evaluate(() => document.querySelectorAll('form').forEach((f) => (f.noValidate = true)))
      await page.getByRole('button', { name: 'Move' }).click()
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('lower-case')
      await expectNoAxeViolations(page)
      await page.getByLabel('New address').fill('teams-visio')
      await page.getByLabel('Reason (public, in the moderation log)').fill('Shorter')
      await page.getByRole('button', { name: 'Move' }).click()
      await page.waitForURL('**/pages/teams-visio')
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Teams vs Visio')
      // The refused address above is a 422 the browser logs; nothing else may be.
      expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([])
    } finally {
      await context.close()
    }
    const old = await get(server, '/pages/teams-vs-visio/history')
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/pages/teams-visio/history')
  })

  it('shows the move, delete and visibility forms axe-clean in EN, DE and FR', async () => {
    for (const lang of ['en', 'de', 'fr'] as const) {
      const t = translator(lang)
      const context = await contextFor(adminCookie, lang)
      const page = await context.newPage()
      try {
        for (const path of ['/pages/webex-visio/move', '/pages/webex-visio/delete', `/pages/webex-visio/revisions/${firstRevision}/visibility`, '/pages/webex-visio/history']) {
          await page.goto(`${server.url}${path}`)
          await expectNoAxeViolations(page)
        }
        await page.goto(`${server.url}/pages/webex-visio/history`)
        expect(await page.textContent('body')).toContain(t('history.pageLog'))
      } finally {
        await context.close()
      }
    }
  })
})
