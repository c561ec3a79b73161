import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { createPage, createRevision, createSource, createUser, login } from '#test/factories'
import { doc, figure, p, text } from '#test/fixtures/docs'
import { postForm, postJson, get } from '#test/http/requests'
import { translator } from '#app/core/i18n/index'
import { createApiToken } from '#app/models/api-tokens.server'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

/**
 * Talk, watchlist and notifications against the built app: markup in a post is shown as text,
 * an editor whose revision is rejected finds the reason and the diff in their notifications, and
 * every page is axe-clean in English, German and French.
 */
describe('working together', () => {
  let browser: Browser
  let editorCookie = ''
  let moderatorCookie = ''
  let editorToken = ''
  let slug = ''
  let pendingId = ''

  let editor: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  // The rows are written before the server starts.
  const { server } = withTestApp({ engine: 'sqlite' }, {
    env: { DEMO_CONTENT: 'false' },
    seed: async (t) => {
      const trusted = await createUser(t.db, { role: 'trusted', createdAt: '2020-01-01T00:00:00.000Z' })
      editor = await createUser(t.db, { role: 'editor', username: 'redakteurin' })
      moderator = await createUser(t.db, { role: 'moderator', username: 'moderatorin' })
      const source = await createSource(t.db)
      const cited = figure('5,000', { sourceId: source.id, quote: 'used by 5,000 agencies', asOf: '2025-06' })
      const stable = await createPage(t.db, trusted, { title: 'Microsoft 365 vs openDesk', summary: 'Start', body: doc(p(text('openDesk is used by '), cited, text(' agencies.'))) })
      slug = stable.page.slug
      const pending = await createRevision(t.db, editor, slug, { base: stable.revision.id, title: 'Microsoft 365 vs openDesk', summary: 'Adoption', body: doc(p(text('openDesk is used by '), cited, text(' agencies in Germany.'))) })
      pendingId = pending.revision.id
      editorToken = (await createApiToken(t.db, editor.id, 'test')).token
    },
  })
  beforeAll(async () => {
    browser = await launchBrowser()
    editorCookie = await login(server.url, editor.username)
    moderatorCookie = await login(server.url, moderator.username)
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

  it('stores and shows talk as text: <script> and javascript: links never become markup', async () => {
    const hostile = 'Look: <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2"> [x](javascript:alert(1)) javascript:alert(1) https://example.org/evidence'
    const created = await postForm(server, `/talk/page/${slug}`, { intent: 'thread', title: '<b>Is 5,000 right?</b>', body: hostile }, { cookie: editorCookie })
    expect(created.status).toBe(303)
    const api = await (await get(server, `/api/v1/talk/page/${slug}`)).json() as { threads: Array<{ id: string; title: string; replies: number; posts: Array<{ body: string }> }> }
    expect(api.threads[0]).toMatchObject({ title: '<b>Is 5,000 right?</b>', replies: 0 })
    expect(api.threads[0]!.posts[0]!.body).toBe(hostile)
    const reply = await postJson(server, `/api/v1/talk/threads/${api.threads[0]!.id}/replies`, { body: 'Agreed <script>alert(2)</script>' }, { token: editorToken, origin: null })
    expect(reply.status).toBe(201)

    const context = await contextFor(moderatorCookie)
    const page = await context.newPage()
    const errors = watchErrors(page)
    try {
      await page.goto(`${server.url}/talk/page/${slug}`)
      expect(await page.locator('h2', { hasText: '<b>Is 5,000 right?</b>' }).count()).toBe(1)
      const body = page.locator('.talk-post').first()
      expect(await body.textContent()).toContain('<script>window.__pwned = 1</script>')
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
      expect(await page.locator('.talk-post script, .talk-post img').count()).toBe(0)
      const hrefs = await page.locator('.talk-post a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
      expect(hrefs).toEqual(['https://example.org/evidence'])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('an editor whose revision is rejected sees the reason and a link to the diff', async () => {
    const rejected = await postForm(server, `/moderation/revisions/${pendingId}`, { intent: 'reject', reason: 'Name the source for Germany.' }, { cookie: moderatorCookie })
    expect(rejected.status).toBeLessThan(400)
    const api = await (await get(server, '/api/v1/notifications', { token: editorToken })).json() as { unread: number; notifications: Array<{ kind: string; detail: { reason?: string }; href: string }> }
    expect(api.unread).toBeGreaterThan(0)
    const decision = api.notifications.find((n) => n.kind === 'decision')
    expect(decision?.detail.reason).toBe('Name the source for Germany.')

    const context = await contextFor(editorCookie)
    const page = await context.newPage()
    try {
      await page.goto(`${server.url}/`)
      expect(await page.locator('.site-header a[href="/notifications"] .badge').textContent()).toBe(String(api.unread))
      await page.goto(`${server.url}/notifications`)
      const item = page.locator('.notification-list li', { hasText: 'Name the source for Germany.' })
      expect(await item.count()).toBe(1)
      await item.getByRole('link').first().click()
      await page.waitForURL(/\/diff\?from=/)
      // Reading the notifications and marking them read empties the count.
      await page.goto(`${server.url}/notifications`)
      await page.getByRole('button', { name: translator('en')('notifications.markAllRead') }).click()
      await page.waitForFunction(() => !document.querySelector('.site-header a[href="/notifications"] .badge'))
    } finally {
      await context.close()
    }
  })

  it.each(['en', 'de', 'fr'] as const)('%s: talk, watchlist and notifications are in the reader’s language and axe-clean', async (lang) => {
    const tr = translator(lang)
    const context = await contextFor(editorCookie, lang)
    const page = await context.newPage()
    const errors = watchErrors(page)
    try {
      for (const [path, heading] of [
        [`/talk/page/${slug}`, tr('talk.title', { subject: 'Microsoft 365 vs openDesk' })],
        ['/watchlist', tr('watchlist.title')],
        ['/notifications', tr('notifications.title')],
      ] as const) {
        const response = await page.goto(server.url + path)
        expect(response?.status(), path).toBe(200)
        expect(await page.getAttribute('html', 'lang')).toBe(lang)
        expect(await page.locator('h1').first().textContent()).toBe(heading)
        await expectNoAxeViolations(page)
      }
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  }, 180_000)
})
