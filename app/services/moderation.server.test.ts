import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createClaimReport, createPage, createRevision, createSource, createUser } from '#test/factories'
import { citation, content, doc, figure, p, text } from '#test/fixtures/docs'
import { config } from '#app/infra/config.server'
import { listCitations, listFigures } from '#app/models/evidence.server'
import { countQueue, getAuthorRecords, listQueue } from '#app/models/moderation-queue.server'
import { listLog } from '#app/models/moderation.server'
import { loadPageView } from '#app/views/page-view.server'
import { getPageBySlug } from '#app/models/pages.server'
import { countOpenReports, listReports } from '#app/models/reports.server'
import { getRevision } from '#app/models/revisions.server'
import { createReport } from './create-report.server'
import { protectPage } from './protect-page.server'
import { resolveReport } from './resolve-report.server'
import { reviewRevision } from './review-revision.server'
import { saveRevision } from './save-revision.server'

const NO_FILTERS = { lang: null, finding: null, age: null, page: null, after: null }

describe.each(TEST_ENGINES)('moderation on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let editor: Awaited<ReturnType<typeof createUser>>
  let trusted: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let moderator2: Awaited<ReturnType<typeof createUser>>
  let source: { id: string }
  let stable: { slug: string; revisionId: string; pageId: string }

  const cited = (n: string) => figure(n, { sourceId: source.id, quote: `counted ${n} users`, asOf: '2025-06', metric: 'users' })
  /** A published page of its own with the cited Tchap figure, for a test that changes or reports on it. */
  const tchapPage = async (title: string) => {
    const saved = await createPage(t.db, trusted, { title, summary: 'new', status: 'approved', body: doc(p(text('Tchap had '), cited('5,000'), text(' users'), citation(source.id), text('.'))) })
    return { slug: saved.page.slug, revisionId: saved.revision.id, pageId: saved.page.id }
  }

  beforeAll(async () => {
    editor = await createUser(t.db)
    trusted = await createUser(t.db, { role: 'trusted', createdAt: '2020-01-01T00:00:00.000Z' })
    moderator = await createUser(t.db, { role: 'moderator' })
    moderator2 = await createUser(t.db, { role: 'moderator' })
    source = await createSource(t.db)
    stable = await tchapPage('Moderation test page')
  })

  describe('reader reports', () => {
    // One flow on the shared page: each step reports on its figure or citation, and the last one
    // resolves the reports the steps before it opened.
    it('reports on one page: opens, collapses and rate-limits reports, marks the figure disputed, then resolves them', async () => {
      {
        // Opens a report on a figure, marks it disputed for readers, and collapses duplicates.
        const fields = { revisionId: stable.revisionId, target: 'figure', ordinal: '0', reason: 'outdated', comment: 'Newer numbers exist.' }
        const first = await createReport(t.db, { reporter: null, ip: '203.0.113.1', slug: stable.slug, fields })
        expect(first).toMatchObject({ ok: true, duplicate: false, reporterCount: 1, targetText: '5,000' })
        const second = await createReport(t.db, { reporter: { id: editor.id }, ip: '203.0.113.2', slug: stable.slug, fields: { ...fields, comment: '' } })
        expect(second).toMatchObject({ ok: true, duplicate: true, reporterCount: 2 })
        if (!first.ok || !second.ok) throw new Error('the reports above were refused')
        expect(second.reportId).toBe(first.reportId)
        const other = await createReport(t.db, { reporter: null, ip: '203.0.113.3', slug: stable.slug, fields: { ...fields, reason: 'unsupported' } })
        expect(other).toMatchObject({ ok: true, duplicate: false })

        const view = (await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!
        expect(view.figures[0]?.disputed).toBe(true)
        expect(view.bodyHtml).toContain('id="fig-0" data-disputed="true"')
        expect(view.citations[0]?.disputed).toBe(false)
      }
      {
        // Collapses concurrent duplicates from two connections into one report.
        const other = t.reopen()
        const fields = { revisionId: stable.revisionId, target: 'citation', ordinal: '0', reason: 'dead-link', comment: '' }
        const results = await Promise.all([
          createReport(t.db, { reporter: null, ip: '198.51.100.1', slug: stable.slug, fields }),
          createReport(other, { reporter: null, ip: '198.51.100.2', slug: stable.slug, fields }),
        ])
        expect(results.every((r) => r.ok)).toBe(true)
        const ids = new Set(results.map((r) => (r.ok ? r.reportId : '')))
        expect(ids.size).toBe(1)
        const open = (await listReports(t.db, { status: 'open', pageSlug: stable.slug, limit: 50 })).filter((r) => r.reason === 'dead-link')
        expect(open).toHaveLength(1)
        expect(open[0]?.reporterCount).toBe(2)
        // Two anonymous readers are a signal for moderators, not yet a mark for every reader.
        const before = (await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!
        expect(before.citations[0]?.disputed).toBe(false)
        expect(before.bodyHtml).not.toContain('data-disputed="true">')
        // The same reader again counts once; a third reader makes REPORTS_TO_DISPUTE (3).
        expect(await createReport(t.db, { reporter: null, ip: '198.51.100.2', slug: stable.slug, fields })).toMatchObject({ ok: true, reporterCount: 2 })
        expect(await createReport(t.db, { reporter: null, ip: '198.51.100.3', slug: stable.slug, fields })).toMatchObject({ ok: true, reporterCount: 3 })
        const view = (await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!
        expect(view.citations[0]).toMatchObject({ disputed: true, disputedBy: 'readers' })
        expect(view.bodyHtml).toContain('<sup class="cite" id="cite-ref-1" data-disputed="true">')
      }
      {
        // Rate-limits anonymous readers per address.
        const fields = { revisionId: stable.revisionId, target: 'figure', ordinal: '0', reason: 'other', comment: 'again' }
        const results = []
        for (let i = 0; i <= config.limits.reportIp.max; i++) results.push(await createReport(t.db, { reporter: null, ip: '192.0.2.77', slug: stable.slug, fields }))
        expect(results.slice(0, -1).every((r) => r.ok)).toBe(true)
        expect(results.at(-1)).toMatchObject({ ok: false, status: 429 })
        // Another address is not limited by this one.
        expect(await createReport(t.db, { reporter: null, ip: '192.0.2.78', slug: stable.slug, fields })).toMatchObject({ ok: true })
      }
      {
        // Rate-limits a signed-in reader per account, whatever the address.
        const reader = await createUser(t.db)
        const fields = { revisionId: stable.revisionId, target: 'figure', ordinal: '0', reason: 'other', comment: 'per account' }
        const results = []
        for (let i = 0; i <= config.limits.reportUser.max; i++) results.push(await createReport(t.db, { reporter: { id: reader.id }, ip: `198.51.100.${100 + i}`, slug: stable.slug, fields }))
        expect(results.slice(0, -1).every((r) => r.ok)).toBe(true)
        expect(results.at(-1)).toMatchObject({ ok: false, status: 429, code: 'rate_limited' })
        // Its duplicates (and the anonymous ones above, same figure and reason) collapsed into one open report.
        const open = (await listReports(t.db, { status: 'open', pageSlug: stable.slug, limit: 50 })).filter((r) => r.reason === 'other' && r.targetKey.startsWith('figure:'))
        expect(open).toHaveLength(1)
        // Another account is not limited by this one.
        expect(await createReport(t.db, { reporter: { id: editor.id }, ip: '198.51.100.100', slug: stable.slug, fields })).toMatchObject({ ok: true, duplicate: true })
      }
      {
        // Resolves a report once, logs it publicly, and an upheld report keeps the figure marked.
        const open = await listReports(t.db, { status: 'open', pageSlug: stable.slug, limit: 50 })
        const figureReports = open.filter((r) => r.targetKey.startsWith('figure:'))
        expect(figureReports.length).toBeGreaterThan(0)
        const [first, ...rest] = figureReports
        const other = t.reopen()
        const [a, b] = await Promise.all([
          resolveReport(t.db, { moderator, reportId: first!.id, resolution: 'dismissed', note: 'The source still says 5,000.' }),
          resolveReport(other, { moderator: moderator2, reportId: first!.id, resolution: 'upheld', note: 'Outdated.' }),
        ])
        expect([a.ok, b.ok].sort()).toEqual([false, true])
        expect([a, b].find((r) => !r.ok)).toMatchObject({ status: 409, code: 'already_resolved' })
        const logged = await listLog(t.db, { pageSlug: stable.slug, limit: 50 })
        expect(logged.filter((e) => e.reportId === first!.id)).toHaveLength(1)

        // Still disputed while another report on the figure is open.
        expect((await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!.figures[0]?.disputed).toBe(true)
        for (const r of rest) expect((await resolveReport(t.db, { moderator, reportId: r.id, resolution: 'dismissed', note: 'The source says so.' })).ok).toBe(true)
        // Whichever of the two moderators won: dismissed, the figure is clean; upheld, it stays
        // marked until an edit fixes it.
        const won = [a, b].find((r) => r.ok)!
        const view = (await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!
        if (won.ok && won.status === 'upheld') expect(view.figures[0]).toMatchObject({ disputed: true, disputedBy: 'confirmed' })
        else {
          expect(view.figures[0]?.disputed).toBe(false)
          expect(view.bodyHtml).not.toContain('id="fig-0" data-disputed')
        }
      }
    })

    it('marks a target at once when a signed-in trusted editor reports it', async () => {
      const page = await createPage(t.db, trusted, { title: 'Trusted reporter page', summary: 'new', body: doc(p(text('Visio had '), cited('300'), text(' users.'))) })
      const fields = { revisionId: page.revision.id, target: 'figure', ordinal: '0', reason: 'unsupported', comment: '' }
      expect(await createReport(t.db, { reporter: { id: editor.id }, ip: null, slug: page.page.slug, fields })).toMatchObject({ ok: true })
      expect((await loadPageView(t.db, page.page.slug, { kind: 'stable' }, 'en'))!.figures[0]?.disputed).toBe(false)
      expect(await createReport(t.db, { reporter: { id: trusted.id }, ip: null, slug: page.page.slug, fields })).toMatchObject({ ok: true, reporterCount: 2 })
      expect((await loadPageView(t.db, page.page.slug, { kind: 'stable' }, 'en'))!.figures[0]).toMatchObject({ disputed: true, disputedBy: 'trusted-reporter' })
    })

    it('refuses malformed reports, unknown targets and other pages’ revisions', async () => {
      const base = { revisionId: stable.revisionId, target: 'figure', ordinal: '0', reason: 'outdated' }
      expect(await createReport(t.db, { reporter: null, ip: '192.0.2.9', slug: stable.slug, fields: { ...base, reason: 'spam' } })).toMatchObject({ ok: false, status: 422, code: 'reason_required' })
      expect(await createReport(t.db, { reporter: null, ip: '192.0.2.9', slug: stable.slug, fields: { ...base, ordinal: '9' } })).toMatchObject({ ok: false, status: 404 })
      expect(await createReport(t.db, { reporter: null, ip: '192.0.2.9', slug: 'no-such-page', fields: base })).toMatchObject({ ok: false, status: 404 })
    })

    it('keeps an upheld figure marked through unrelated edits, until an edit changes its quote; the report links to that edit', async () => {
      const page = await createPage(t.db, trusted, { title: 'Upheld report page', summary: 'new', body: doc(p(text('Element had '), cited('700'), text(' users.'))) })
      const slug = page.page.slug
      const reported = await createClaimReport(t.db, { slug, revisionId: page.revision.id, reason: 'unsupported', ip: '192.0.2.200' })
      expect((await loadPageView(t.db, slug, { kind: 'stable' }, 'en'))!.figures[0]?.disputed).toBe(false)
      expect(await resolveReport(t.db, { moderator, reportId: reported.reportId, resolution: 'upheld', note: 'The source says 500.' })).toMatchObject({ ok: true })
      expect((await loadPageView(t.db, slug, { kind: 'stable' }, 'en'))!.figures[0]).toMatchObject({ disputed: true, disputedBy: 'confirmed' })

      const edit = async (base: string, paragraphs: ReturnType<typeof p>[]) => {
        const saved = await createRevision(t.db, trusted, slug, { base, title: 'Upheld report page', summary: 'edit', status: 'approved', body: doc(...paragraphs) })
        return saved.revision.id
      }
      const around = await edit(page.revision.id, [p(text('Element had '), cited('700'), text(' users.')), p(text('It is a messenger.'))])
      expect((await loadPageView(t.db, slug, { kind: 'stable' }, 'en'))!.figures[0]?.disputed).toBe(true)
      const requoted = figure('700', { sourceId: source.id, quote: 'about 700 users', asOf: '2025-06', metric: 'users' })
      const fix = await edit(around, [p(text('Element had '), requoted, text(' users.')), p(text('It is a messenger.'))])
      expect((await loadPageView(t.db, slug, { kind: 'stable' }, 'en'))!.figures[0]?.disputed).toBe(false)
      const resolved = (await listReports(t.db, { status: 'resolved', pageSlug: slug, limit: 5 }))[0]
      expect(resolved).toMatchObject({ status: 'upheld', fixedByRevisionId: fix, fixedAt: expect.any(String) })
    })

    it('keeps a report on its figure when the page is edited around it', async () => {
      const page = await tchapPage('Edited around page')
      const fields = { revisionId: page.revisionId, target: 'figure', ordinal: '0', reason: 'different-metric', comment: '' }
      expect((await createReport(t.db, { reporter: { id: trusted.id }, ip: '192.0.2.90', slug: page.slug, fields })).ok).toBe(true)
      const edited = await saveRevision(t.db, {
        actor: trusted, slug: page.slug, baseRevisionId: page.revisionId, summary: 'intro', idempotencyKey: null,
        content: content(doc(p(text('Launched in 2019 with '), cited('12'), text(' ministries.')), p(text('Tchap had '), cited('5,000'), text(' users'), citation(source.id), text('.'))), { title: 'Edited around page' }),
      })
      expect(edited).toMatchObject({ ok: true, revision: { status: 'approved' } })
      const view = (await loadPageView(t.db, page.slug, { kind: 'stable' }, 'en'))!
      expect(view.figures.map((f) => [f.text, f.disputed])).toEqual([['12', false], ['5,000', true]])
      expect(view.bodyHtml).toContain('id="fig-1" data-disputed="true"')
      expect(await countOpenReports(t.db)).toBeGreaterThan(0)
    })
  })

  describe('the queue', () => {
    let ids: { risky: string; calm: string; german: string }
    // An author of its own, whose record counts only these three pending saves, whatever ran before.
    let author: Awaited<ReturnType<typeof createUser>>
    beforeAll(async () => {
      author = await createUser(t.db)
      // The trusted editor's record holds at least two approved revisions: this one and the shared page's.
      await tchapPage('Queue published page')
      const save = async (title: string, body: string, lang: 'en' | 'de' = 'en') => {
        const r = await createPage(t.db, author, { title, summary: title, fields: { lang }, body: doc(p(text(body))) })
        return r.revision.id
      }
      const calm = await save('Queue calm page', 'A plain sentence.')
      const risky = await save('Queue risky page', 'openDesk is the leading suite, used by 5,000 agencies.')
      const german = await save('Queue German page', 'Derzeit nutzen Behörden die Plattform.', 'de')
      ids = { risky, calm, german }
    })

    it('orders pending revisions by risk, then by age', async () => {
      const rows = await listQueue(t.db, NO_FILTERS, {}, 50)
      const order = rows.map((r) => r.id)
      expect(order.indexOf(ids.risky)).toBeLessThan(order.indexOf(ids.calm))
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1]!, rows[i]!]
        expect(a.riskScore > b.riskScore || (a.riskScore === b.riskScore && a.id < b.id)).toBe(true)
      }
      const risky = rows.find((r) => r.id === ids.risky)!
      expect(risky.findingCounts).toMatchObject({ 'uncited-figure': 1, marketing: 1 })
      // The flagged words themselves, for the queue to show at a glance.
      expect(risky.findingSamples).toEqual({ 'uncited-figure': ['5,000'], marketing: ['leading'] })
      expect(rows.find((r) => r.id === ids.german)!.findingSamples).toEqual({ marketing: ['Derzeit'] })
      expect(rows.find((r) => r.id === ids.calm)!.findingSamples).toEqual({})
    })

    it('filters by language, finding, page and age, and pages with a keyset cursor', async () => {
      expect((await listQueue(t.db, { ...NO_FILTERS, lang: 'de' }, {}, 50)).map((r) => r.id)).toEqual([ids.german])
      const marketing = (await listQueue(t.db, { ...NO_FILTERS, finding: 'marketing' }, {}, 50)).map((r) => r.id)
      expect(marketing).toContain(ids.risky)
      expect(marketing).not.toContain(ids.calm)
      expect((await listQueue(t.db, { ...NO_FILTERS, page: 'queue-calm-page' }, {}, 50)).map((r) => r.id)).toEqual([ids.calm])
      expect(await listQueue(t.db, NO_FILTERS, { before: '2000-01-01T00:00:00.000Z' }, 50)).toEqual([])
      const all = await listQueue(t.db, NO_FILTERS, {}, 50)
      const firstPage = await listQueue(t.db, NO_FILTERS, {}, 1)
      const rest = await listQueue(t.db, { ...NO_FILTERS, after: { risk: firstPage[0]!.riskScore, id: firstPage[0]!.id } }, {}, 50)
      expect([...firstPage, ...rest].map((r) => r.id)).toEqual(all.map((r) => r.id))
    })

    it('counts what waits, and each author’s record', async () => {
      const counts = await countQueue(t.db)
      expect(counts.pending).toBeGreaterThanOrEqual(3)
      expect(counts.uncited).toBeGreaterThanOrEqual(1)
      expect(counts.marketing).toBeGreaterThanOrEqual(2)
      const records = await getAuthorRecords(t.db, [author.id, trusted.id])
      expect(records.get(author.id)).toMatchObject({ pending: 3 })
      expect(records.get(trusted.id)?.approved).toBeGreaterThanOrEqual(2)
    })

    it('scores each save from its own signals: new account, figures changed, new source domains, large deletions', async () => {
      const other = await createSource(t.db, { url: 'https://stats.example.net/tchap' })
      const long = 'A long paragraph about the migration that a later edit removes almost entirely. '.repeat(20)
      const first = await createPage(t.db, editor, {
        title: 'Risk signals page', summary: 'risk',
        body: doc(p(text('Tchap had '), figure('8', { sourceId: other.id, quote: 'counted 8 users', asOf: '2025-06' }), text(' users.')), p(text(long))),
      })
      // A new account (30), one figure added (5), one new source domain (10), no findings.
      expect(first.revision.findings).toEqual([])
      expect((await getRevision(t.db, first.revision.id))?.riskScore).toBe(30 + 5 + 10)
      const cut = await createRevision(t.db, editor, first.page.slug, {
        base: first.revision.id, title: 'Risk signals page', summary: 'cut',
        body: doc(p(text('Tchap had '), figure('8', { sourceId: other.id, quote: 'counted 8 users', asOf: '2025-06' }), text(' users.'))),
      })
      // Same figure, same source: only the new account and the large deletion (25) count.
      expect((await getRevision(t.db, cut.revision.id))?.riskScore).toBe(30 + 25)
    })
  })

  describe('two moderators deciding at once', () => {
    it('records exactly one decision; the other gets 409 and changes nothing', async () => {
      for (const decisions of [['approve', 'reject'], ['reject', 'reject'], ['approve', 'approve']] as const) {
        const saved = await createPage(t.db, editor, { title: `Race ${decisions.join(' ')}`, summary: 'race', body: doc(p(text('Tchap had '), cited('7'), text(' users.'))) })
        const other = t.reopen()
        const results = await Promise.all([
          reviewRevision(t.db, { moderator, revisionId: saved.revision.id, decision: decisions[0], reason: 'first' }),
          reviewRevision(other, { moderator: moderator2, revisionId: saved.revision.id, decision: decisions[1], reason: 'second' }),
        ])
        expect(results.filter((r) => r.ok)).toHaveLength(1)
        expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: 'not_pending' })
        const winner = results.findIndex((r) => r.ok)
        const revision = await getRevision(t.db, saved.revision.id)
        expect(revision?.status).toBe(decisions[winner] === 'approve' ? 'approved' : 'rejected')
        const log = (await listLog(t.db, { limit: 200 })).filter((e) => e.revisionId === saved.revision.id)
        expect(log).toHaveLength(1)
      }
    })
  })

  describe('what waits, and where the head goes', () => {
    const body = (words: string) => doc(p(text(words)))
    const newPage = async (title: string) => {
      return createPage(t.db, trusted, { title, summary: 'start', status: 'approved', body: body('A plain start.') })
    }
    const edit = async (actor: typeof editor, slug: string, title: string, words: string) => {
      const saved = await saveRevision(t.db, { actor, slug, baseRevisionId: null, summary: words, idempotencyKey: null, content: content(body(words), { title }) })
      if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`)
      return saved.revision
    }
    const queued = async (slug: string) => (await listQueue(t.db, { ...NO_FILTERS, page: slug }, {}, 50)).map((r) => r.id)

    it('holds a trusted editor’s clean edit that builds on someone’s pending one; approving it publishes both', async () => {
      const start = await newPage('Builds on pending page')
      const slug = start.page.slug
      const pending = await edit(editor, slug, 'Builds on pending page', 'An unreviewed sentence.')
      expect(pending.status).toBe('pending')
      const onTop = await edit(trusted, slug, 'Builds on pending page', 'An unreviewed sentence, tidied.')
      expect(onTop).toMatchObject({ status: 'pending', findings: [] })
      // Readers still see the approved start; both wait in the queue.
      expect((await getPageBySlug(t.db, slug))?.stableRevisionId).toBe(start.revision.id)
      expect((await queued(slug)).sort()).toEqual([pending.id, onTop.id].sort())

      const approved = await reviewRevision(t.db, { moderator, revisionId: onTop.id, decision: 'approve', reason: 'Both fine.' })
      expect(approved).toMatchObject({ ok: true, published: [pending.id, onTop.id] })
      expect((await getPageBySlug(t.db, slug))?.stableRevisionId).toBe(onTop.id)
      // Once nothing waits under it, the trusted editor's next clean edit publishes at once.
      expect((await edit(trusted, slug, 'Builds on pending page', 'Tidied again.')).status).toBe('approved')
    })

    it('publishes a trusted editor’s revert to the stable text at once and supersedes what it undid', async () => {
      const start = await newPage('Revert pending page')
      const slug = start.page.slug
      const vandalism = await edit(editor, slug, 'Revert pending page', 'Nonsense.')
      const revert = await saveRevision(t.db, { actor: trusted, slug, baseRevisionId: vandalism.id, summary: 'revert', idempotencyKey: null, content: content(body('A plain start.'), { title: 'Revert pending page' }) })
      expect(revert).toMatchObject({ ok: true, revision: { status: 'approved' } })
      expect((await getRevision(t.db, vandalism.id))?.status).toBe('superseded')
      expect(await queued(slug)).toEqual([])
      // Superseded work is not counted as approved on its author's record, and cannot be decided.
      expect(await reviewRevision(t.db, { moderator, revisionId: vandalism.id, decision: 'approve', reason: '' })).toMatchObject({ ok: false, status: 409, code: 'not_pending' })
    })

    it('moves the page’s head back when its newest revision is rejected, so editors stop seeing and building on it', async () => {
      const start = await newPage('Rejected head page')
      const slug = start.page.slug
      const first = await edit(editor, slug, 'Rejected head page', 'First pending sentence.')
      const second = await edit(editor, slug, 'Rejected head page', 'Second pending sentence.')

      // Rejecting a revision under the head leaves the head alone: the newer one still waits.
      expect(await reviewRevision(t.db, { moderator, revisionId: first.id, decision: 'reject', reason: 'Unsourced.' })).toMatchObject({ ok: true })
      expect((await getPageBySlug(t.db, slug))?.latestRevisionId).toBe(second.id)

      expect(await reviewRevision(t.db, { moderator, revisionId: second.id, decision: 'reject', reason: 'Still unsourced.' })).toMatchObject({ ok: true })
      const page = (await getPageBySlug(t.db, slug))!
      expect(page.latestRevisionId).toBe(start.revision.id)
      const latest = (await loadPageView(t.db, slug, { kind: 'latest' }, 'en'))!
      expect(latest.revision.id).toBe(start.revision.id)
      expect(latest.hasPendingChanges).toBe(false)
      // The next edit follows the approved text, not the rejected one.
      const next = await edit(editor, slug, 'Rejected head page', 'A fresh attempt.')
      expect((await getRevision(t.db, next.id))?.parentId).toBe(start.revision.id)
      expect((await getRevision(t.db, second.id))?.status).toBe('rejected')
    })

    it('keeps the only revision of a new page as its head when it is rejected, with its title', async () => {
      const saved = await createPage(t.db, editor, { title: 'Rejected new page', summary: 'new', body: body('Text.') })
      const retitled = await edit(editor, saved.page.slug, 'Rejected new page, retitled', 'Text, edited.')
      expect((await getPageBySlug(t.db, saved.page.slug))?.title).toBe('Rejected new page, retitled')
      expect(await reviewRevision(t.db, { moderator, revisionId: retitled.id, decision: 'reject', reason: 'No.' })).toMatchObject({ ok: true })
      // Back to the first pending revision, and to its title while the page has no stable revision.
      expect(await getPageBySlug(t.db, saved.page.slug)).toMatchObject({ latestRevisionId: saved.revision.id, title: 'Rejected new page' })
      expect(await reviewRevision(t.db, { moderator, revisionId: saved.revision.id, decision: 'reject', reason: 'No.' })).toMatchObject({ ok: true })
      expect((await getPageBySlug(t.db, saved.page.slug))?.latestRevisionId).toBe(saved.revision.id)
    })

    it('answers 409 page_moved_on and changes nothing when a newer revision is already published', async () => {
      // A pending revision left under a newer stable one (as data written before pending
      // revisions were superseded on publication could be).
      const start = await newPage('Moved on page')
      const slug = start.page.slug
      const stale = await edit(editor, slug, 'Moved on page', 'An old pending edit.')
      const newer = await edit(editor, slug, 'Moved on page', 'A newer edit.')
      const pageId = (await getPageBySlug(t.db, slug))!.id
      await t.db.updateTable('revisions').set({ status: 'approved' }).where('id', '=', newer.id).execute()
      await t.db.updateTable('pages').set({ stable_revision_id: newer.id }).where('id', '=', pageId).execute()

      for (const decision of ['approve', 'reject'] as const) {
        const result = await reviewRevision(t.db, { moderator, revisionId: stale.id, decision, reason: 'late' })
        expect(result).toMatchObject({ ok: false, status: 409, code: 'page_moved_on' })
      }
      expect((await getRevision(t.db, stale.id))?.status).toBe('pending')
      expect(await getPageBySlug(t.db, slug)).toMatchObject({ stableRevisionId: newer.id, latestRevisionId: newer.id })
      expect((await listLog(t.db, { pageSlug: slug, limit: 50 })).filter((e) => e.revisionId === stale.id)).toEqual([])
      const decisions = await t.db.selectFrom('moderation_decisions').select('id').where('revision_id', '=', stale.id).execute()
      expect(decisions).toEqual([])
    })
  })

  describe('page protection', () => {
    it('blocks editors below the level, logs it, and stops holding when it expires', async () => {
      const protectedPage = await tchapPage('Protected page')
      const page = (await getPageBySlug(t.db, protectedPage.slug))!
      const [figures, citations] = await Promise.all([listFigures(t.db, page.latestRevisionId), listCitations(t.db, page.latestRevisionId)])
      expect(figures.length + citations.length).toBeGreaterThan(0)
      const edit = (actor: typeof editor) =>
        saveRevision(t.db, { actor, slug: protectedPage.slug, baseRevisionId: null, summary: 'try', idempotencyKey: null, content: content(doc(p(text('Edited text.'))), { title: 'Protected page' }) })

      const future = new Date(Date.now() + 86_400_000).toISOString()
      expect(await protectPage(t.db, { moderator, slug: protectedPage.slug, protection: { level: 'trusted', reason: 'Edit war', expiresAt: future } })).toMatchObject({ ok: true })
      expect(await edit(editor)).toMatchObject({ ok: false, status: 403, code: 'protected' })
      expect(await edit(trusted)).toMatchObject({ ok: true })

      const past = new Date(Date.now() - 1000).toISOString()
      await protectPage(t.db, { moderator, slug: protectedPage.slug, protection: { level: 'moderator', reason: 'Expired already', expiresAt: past } })
      expect(await edit(editor)).toMatchObject({ ok: true })

      await protectPage(t.db, { moderator, slug: protectedPage.slug, protection: { level: null, reason: 'Calm again', expiresAt: null } })
      const log = await listLog(t.db, { pageSlug: protectedPage.slug, limit: 50 })
      expect(log.filter((e) => e.action === 'page.protect').map((e) => e.reason)).toEqual(['Expired already', 'Edit war'])
      expect(log.find((e) => e.action === 'page.unprotect')).toMatchObject({ reason: 'Calm again', actor: moderator.username })
      expect(await listLog(t.db, { moderator: moderator.username.toUpperCase(), action: 'page.unprotect', limit: 50 })).toHaveLength(1)
      expect((await getPageBySlug(t.db, protectedPage.slug))!.protection).toBeNull()
    })

    it('answers 404 for an unknown page', async () => {
      expect(await protectPage(t.db, { moderator, slug: 'nope', protection: { level: 'trusted', reason: 'x', expiresAt: null } })).toMatchObject({ ok: false, status: 404 })
    })
  })
})
