import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { citation, content, doc, figure, p, text } from '#test/fixtures/docs'
import { config } from '#app/config.server'
import { listCitations, listFigures } from '#app/models/evidence.server'
import { countQueue, getAuthorRecords, listQueue } from '#app/models/moderation-queue.server'
import { listLog } from '#app/models/moderation.server'
import { loadPageView } from '#app/models/page-view.server'
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
  let t: TestDatabase
  let editor: Awaited<ReturnType<typeof createUser>>
  let trusted: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let moderator2: Awaited<ReturnType<typeof createUser>>
  let source: { id: string }
  let stable: { slug: string; revisionId: string; pageId: string }

  const cited = (n: string) => figure(n, { sourceId: source.id, quote: `counted ${n} users`, asOf: '2025-06', metric: 'users' })

  beforeAll(async () => {
    t = await createTestDatabase(engine)
    editor = await createUser(t.db)
    trusted = await createUser(t.db, { role: 'trusted', createdAt: '2020-01-01T00:00:00.000Z' })
    moderator = await createUser(t.db, { role: 'moderator' })
    moderator2 = await createUser(t.db, { role: 'moderator' })
    source = await createSource(t.db)
    const saved = await saveRevision(t.db, {
      actor: trusted, slug: null, baseRevisionId: null, summary: 'new', idempotencyKey: null,
      content: content(doc(p(text('Tchap had '), cited('5,000'), text(' users'), citation(source.id), text('.'))), { title: 'Moderation test page' }),
    })
    if (!saved.ok || saved.revision.status !== 'approved') throw new Error(`setup failed: ${JSON.stringify(saved)}`)
    stable = { slug: saved.page.slug, revisionId: saved.revision.id, pageId: saved.page.id }
  })
  afterAll(async () => {
    await t.destroy()
  })

  describe('reader reports', () => {
    it('opens a report on a figure, marks it disputed for readers, and collapses duplicates', async () => {
      const fields = { revisionId: stable.revisionId, target: 'figure', ordinal: '0', reason: 'outdated', comment: 'Newer numbers exist.' }
      const first = await createReport(t.db, { reporter: null, ip: '203.0.113.1', slug: stable.slug, fields })
      expect(first).toMatchObject({ ok: true, duplicate: false, reporterCount: 1, targetText: '5,000' })
      const second = await createReport(t.db, { reporter: { id: editor.id }, ip: '203.0.113.2', slug: stable.slug, fields: { ...fields, comment: '' } })
      expect(second).toMatchObject({ ok: true, duplicate: true, reporterCount: 2 })
      if (!first.ok || !second.ok) return
      expect(second.reportId).toBe(first.reportId)
      const other = await createReport(t.db, { reporter: null, ip: '203.0.113.3', slug: stable.slug, fields: { ...fields, reason: 'unsupported' } })
      expect(other).toMatchObject({ ok: true, duplicate: false })

      const view = (await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!
      expect(view.figures[0]?.disputed).toBe(true)
      expect(view.bodyHtml).toContain('id="fig-0" data-disputed="true"')
      expect(view.citations[0]?.disputed).toBe(false)
    })

    it('collapses concurrent duplicates from two connections into one report', async () => {
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
      const view = (await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!
      expect(view.citations[0]?.disputed).toBe(true)
      expect(view.bodyHtml).toContain('<sup class="cite" id="cite-ref-1" data-disputed="true">')
    })

    it('refuses malformed reports, unknown targets and other pages’ revisions', async () => {
      const base = { revisionId: stable.revisionId, target: 'figure', ordinal: '0', reason: 'outdated' }
      expect(await createReport(t.db, { reporter: null, ip: '192.0.2.9', slug: stable.slug, fields: { ...base, reason: 'spam' } })).toMatchObject({ ok: false, status: 422, code: 'reason_required' })
      expect(await createReport(t.db, { reporter: null, ip: '192.0.2.9', slug: stable.slug, fields: { ...base, ordinal: '9' } })).toMatchObject({ ok: false, status: 404 })
      expect(await createReport(t.db, { reporter: null, ip: '192.0.2.9', slug: 'no-such-page', fields: base })).toMatchObject({ ok: false, status: 404 })
    })

    it('rate-limits anonymous readers per address', async () => {
      const fields = { revisionId: stable.revisionId, target: 'figure', ordinal: '0', reason: 'other', comment: 'again' }
      const results = []
      for (let i = 0; i <= config.limits.reportIp.max; i++) results.push(await createReport(t.db, { reporter: null, ip: '192.0.2.77', slug: stable.slug, fields }))
      expect(results.slice(0, -1).every((r) => r.ok)).toBe(true)
      expect(results.at(-1)).toMatchObject({ ok: false, status: 429 })
      // Another address is not limited by this one.
      expect(await createReport(t.db, { reporter: null, ip: '192.0.2.78', slug: stable.slug, fields })).toMatchObject({ ok: true })
    })

    it('resolves a report once, logs it publicly and clears the dispute when no other report is open', async () => {
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
      for (const r of rest) expect((await resolveReport(t.db, { moderator, reportId: r.id, resolution: 'upheld', note: 'Fixed.' })).ok).toBe(true)
      const view = (await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!
      expect(view.figures[0]?.disputed).toBe(false)
      expect(view.bodyHtml).not.toContain('id="fig-0" data-disputed')
    })

    it('keeps a report on its figure when the page is edited around it', async () => {
      const fields = { revisionId: stable.revisionId, target: 'figure', ordinal: '0', reason: 'different-metric', comment: '' }
      expect((await createReport(t.db, { reporter: null, ip: '192.0.2.90', slug: stable.slug, fields })).ok).toBe(true)
      const edited = await saveRevision(t.db, {
        actor: trusted, slug: stable.slug, baseRevisionId: stable.revisionId, summary: 'intro', idempotencyKey: null,
        content: content(doc(p(text('Launched in 2019 with '), cited('12'), text(' ministries.')), p(text('Tchap had '), cited('5,000'), text(' users'), citation(source.id), text('.'))), { title: 'Moderation test page' }),
      })
      expect(edited).toMatchObject({ ok: true, revision: { status: 'approved' } })
      const view = (await loadPageView(t.db, stable.slug, { kind: 'stable' }, 'en'))!
      expect(view.figures.map((f) => [f.text, f.disputed])).toEqual([['12', false], ['5,000', true]])
      expect(view.bodyHtml).toContain('id="fig-1" data-disputed="true"')
      if (edited.ok) stable.revisionId = edited.revision.id
      expect(await countOpenReports(t.db)).toBeGreaterThan(0)
    })
  })

  describe('the queue', () => {
    let ids: { risky: string; calm: string; german: string }
    beforeAll(async () => {
      const save = async (title: string, body: string, lang: 'en' | 'de' = 'en') => {
        const r = await saveRevision(t.db, { actor: editor, slug: null, baseRevisionId: null, summary: title, idempotencyKey: null, content: content(doc(p(text(body))), { title, lang }) })
        if (!r.ok) throw new Error('save failed')
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
      const records = await getAuthorRecords(t.db, [editor.id, trusted.id])
      expect(records.get(editor.id)).toMatchObject({ pending: 3 })
      expect(records.get(trusted.id)?.approved).toBeGreaterThanOrEqual(2)
    })
  })

  describe('two moderators deciding at once', () => {
    it('records exactly one decision; the other gets 409 and changes nothing', async () => {
      for (const decisions of [['approve', 'reject'], ['reject', 'reject'], ['approve', 'approve']] as const) {
        const saved = await saveRevision(t.db, {
          actor: editor, slug: null, baseRevisionId: null, summary: 'race', idempotencyKey: null,
          content: content(doc(p(text('Tchap had '), cited('7'), text(' users.'))), { title: `Race ${decisions.join(' ')}` }),
        })
        if (!saved.ok) throw new Error('save failed')
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

  describe('page protection', () => {
    it('blocks editors below the level, logs it, and stops holding when it expires', async () => {
      const page = (await getPageBySlug(t.db, stable.slug))!
      const [figures, citations] = await Promise.all([listFigures(t.db, page.latestRevisionId), listCitations(t.db, page.latestRevisionId)])
      expect(figures.length + citations.length).toBeGreaterThan(0)
      const edit = (actor: typeof editor) =>
        saveRevision(t.db, { actor, slug: stable.slug, baseRevisionId: null, summary: 'try', idempotencyKey: null, content: content(doc(p(text('Edited text.'))), { title: 'Moderation test page' }) })

      const future = new Date(Date.now() + 86_400_000).toISOString()
      expect(await protectPage(t.db, { moderator, slug: stable.slug, protection: { level: 'trusted', reason: 'Edit war', expiresAt: future } })).toMatchObject({ ok: true })
      expect(await edit(editor)).toMatchObject({ ok: false, status: 403, code: 'protected' })
      expect(await edit(trusted)).toMatchObject({ ok: true })

      const past = new Date(Date.now() - 1000).toISOString()
      await protectPage(t.db, { moderator, slug: stable.slug, protection: { level: 'moderator', reason: 'Expired already', expiresAt: past } })
      expect(await edit(editor)).toMatchObject({ ok: true })

      await protectPage(t.db, { moderator, slug: stable.slug, protection: { level: null, reason: 'Calm again', expiresAt: null } })
      const log = await listLog(t.db, { pageSlug: stable.slug, limit: 50 })
      expect(log.filter((e) => e.action === 'page.protect').map((e) => e.reason)).toEqual(['Expired already', 'Edit war'])
      expect(log.find((e) => e.action === 'page.unprotect')).toMatchObject({ reason: 'Calm again', actor: moderator.username })
      expect(await listLog(t.db, { moderator: moderator.username.toUpperCase(), action: 'page.unprotect', limit: 50 })).toHaveLength(1)
      expect((await getPageBySlug(t.db, stable.slug))!.protection).toBeNull()
    })

    it('answers 404 for an unknown page', async () => {
      expect(await protectPage(t.db, { moderator, slug: 'nope', protection: { level: 'trusted', reason: 'x', expiresAt: null } })).toMatchObject({ ok: false, status: 404 })
    })
  })
})
