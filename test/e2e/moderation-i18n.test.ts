import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { createClaimReport, createPage, createRevision, createSource, createUser, login } from '#test/factories'
import { citation, doc, figure, p, text } from '#test/fixtures/docs'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { blockUser } from '#app/services/block-user.server'
import { protectPage } from '#app/services/protect-page.server'
import { resolveReport } from '#app/services/resolve-report.server'
import { reviewRevision } from '#app/services/review-revision.server'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

/**
 * Every moderation page in English, German and French, in Chromium against the built app: the
 * page is in the moderator's language (its `lang`, its heading, its filter form) and axe-clean,
 * with content in all three states the pages show (a pending revision with findings, an open
 * report, a log with a decision, a resolution, a protection and a block).
 */
describe('moderation pages in EN, DE and FR', () => {
  let browser: Browser
  let moderatorCookie = ''
  let slug = ''
  let reviewId = ''

  let moderator: Awaited<ReturnType<typeof createUser>>
  // The rows are written before the server starts.
  const { server } = withTestApp({ engine: 'sqlite' }, {
    env: { DEMO_CONTENT: 'false' },
    seed: async (t) => {
      const trusted = await createUser(t.db, { role: 'trusted', createdAt: '2020-01-01T00:00:00.000Z' })
      const editor = await createUser(t.db, { role: 'editor' })
      moderator = await createUser(t.db, { role: 'moderator', username: 'moderatorin' })
      const source = await createSource(t.db, { kind: 'vendor' })
      const cited = figure('5,000', { sourceId: source.id, quote: 'used by 5,000 agencies', asOf: '2025-06', metric: 'agencies' })
      const stable = await createPage(t.db, trusted, { title: 'Microsoft 365 vs openDesk', summary: 'Start', body: doc(p(text('openDesk is used by '), cited, text(' agencies'), citation(source.id), text('.'))) })
      slug = stable.page.slug
      // A pending revision with every kind of highlight: promotional language and an uncited figure.
      const pending = await createRevision(t.db, editor, slug, {
        base: stable.revision.id, title: 'Microsoft 365 vs openDesk', summary: 'Adoption', status: 'pending',
        body: doc(p(text('openDesk is the leading suite, used by '), cited, text(' agencies'), citation(source.id), text('.')), p(text('Currently 300 ministries use it.'))),
      })
      reviewId = pending.revision.id
      // A second page whose decision, report resolution, protection and block fill the log.
      const other = await createPage(t.db, editor, { title: 'Zoom vs Jitsi', summary: 'New', body: doc(p(text('A plain sentence.'))) })
      await reviewRevision(t.db, { moderator, revisionId: other.revision.id, decision: 'approve', reason: 'Plain.' })
      const first = await createClaimReport(t.db, { slug, revisionId: stable.revision.id, reason: 'self-reported', comment: 'Only the vendor says so.', ip: '192.0.2.1' })
      await createClaimReport(t.db, { slug, revisionId: stable.revision.id, reason: 'outdated', ip: '192.0.2.2' })
      await resolveReport(t.db, { moderator, reportId: first.reportId, resolution: 'upheld', note: 'Marked as self-reported.' })
      await protectPage(t.db, { moderator, slug, protection: { level: 'trusted', reason: 'Edit war', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() } })
      await blockUser(t.db, { actor: moderator, targetUserId: editor.id, duration: '1d', reason: 'Spam', ip: null })
    },
  })
  beforeAll(async () => {
    browser = await launchBrowser()
    moderatorCookie = await login(server.url, moderator.username)
  })
  afterAll(async () => {
    await browser?.close()
  })

  const pages = (lang: Lang) => {
    const tr = translator(lang)
    return [
      { path: '/moderation', heading: tr('mod.queue.title'), filter: tr('mod.filter.legend') },
      { path: `/moderation/revisions/${reviewId}`, heading: tr('mod.review.title', { title: '' }).trim(), filter: null },
      { path: '/moderation/reports?status=all', heading: tr('mod.reports.title'), filter: tr('mod.reports.filter') },
      { path: '/moderation/log', heading: tr('log.title'), filter: tr('log.filter.legend') },
      { path: `/moderation/pages/${slug}/protect`, heading: tr('protect.title', { title: 'Microsoft 365 vs openDesk' }), filter: null },
    ]
  }

  it.each(['en', 'de', 'fr'] as const)('%s: each page is in the moderator’s language and axe-clean', async (lang) => {
    const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'accept-language': lang }, viewport: { width: 1280, height: 900 } })
    const [name, ...value] = moderatorCookie.split('=')
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    const page = await context.newPage()
    const errors = watchErrors(page)
    const tr = translator(lang)
    try {
      for (const expected of pages(lang)) {
        const response = await page.goto(server.url + expected.path)
        expect(response?.status(), expected.path).toBe(200)
        expect(await page.getAttribute('html', 'lang')).toBe(lang)
        expect(await page.locator('h1').first().textContent(), expected.path).toContain(expected.heading)
        if (expected.filter) {
          expect(await page.locator('.mod-filters legend').textContent()).toBe(expected.filter)
          expect(await page.locator('.mod-filters button[type="submit"]').textContent()).toBe(tr('mod.filter.submit'))
        }
        await expectNoAxeViolations(page)
      }
      // The queue row names the flagged words; the review page explains them in this language.
      await page.goto(`${server.url}/moderation`)
      const row = await page.locator(`tr[data-revision="${reviewId}"]`).textContent()
      expect(row).toContain(`${tr('mod.chip', { label: tr('mod.finding.marketing'), count: 2 })} — leading, Currently`)
      await page.goto(`${server.url}/moderation/revisions/${reviewId}`)
      expect(await page.locator('.legend').textContent()).toContain(tr('mod.legend.uncited'))
      // The log names every kind of entry in this language.
      await page.goto(`${server.url}/moderation/log`)
      const log = (await page.locator('table.mod-log').textContent()) ?? ''
      for (const action of ['revision.approve', 'report.upheld', 'page.protect', 'user.block'] as const) expect(log).toContain(tr(`log.action.${action}`))
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  }, 180_000)
})
