import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { saveRevision } from '#app/services/save-revision.server'
import { seedDemo } from '#app/services/seed-demo.server'
import { recordUnverifiedClaim, reopenUnverifiedClaim, settleUnverifiedClaim } from '#app/services/unverified-claims.server'
import { decodeClaimCursor, ensureClaimsIndex, listClaims, listConflicts, productTimelines } from './claims.server'
import { getUnverifiedClaim, listClaimEvents, listUnverifiedClaims } from './unverified-claims.server'

describe.each(TEST_ENGINES)('claims on $engine', (engine) => {
  const t = withTestDatabase(engine)
  beforeAll(async () => {
    await seedDemo(t.db)
  })

  it('derives the demo claims: Tchap daily active users and registered accounts apart', async () => {
    const dau = await listClaims(t.db, { product: 'tchap', metric: 'daily-active-users' }, { limit: 100 })
    expect(dau.claims.length).toBeGreaterThanOrEqual(1)
    expect(dau.claims.every((c) => c.value === 200_000 && c.undated && c.asOf === null)).toBe(true)
    const accounts = await listClaims(t.db, { product: 'tchap', metric: 'registered-accounts' }, { limit: 100 })
    expect(accounts.claims.map((c) => c.value)).toEqual(expect.arrayContaining([85_000, 170_000, 220_000]))
    const timelines = await productTimelines(t.db, 'tchap', 40)
    expect(timelines.map((tl) => tl.metric)).toEqual(expect.arrayContaining(['daily-active-users', 'registered-accounts']))
    // A rebuild (start-up after migration 0051) gives the same claims; a second one does nothing.
    const before = (await listClaims(t.db, {}, { limit: 100 })).claims.map((c) => `${c.page.slug}#${c.ordinal}`)
    expect(await ensureClaimsIndex(t.db)).toBeGreaterThan(0)
    expect((await listClaims(t.db, {}, { limit: 100 })).claims.map((c) => `${c.page.slug}#${c.ordinal}`)).toEqual(before)
    expect(await ensureClaimsIndex(t.db)).toBe(0)
  })

  it('pages by keyset: walking with small pages gives the same claims in the same order', async () => {
    const all = await listClaims(t.db, {}, { limit: 100 })
    const walked: string[] = []
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof listClaims>> = await listClaims(t.db, {}, { limit: 7, after: cursor ? decodeClaimCursor(cursor) : null })
      walked.push(...page.claims.map((c) => c.id))
      cursor = page.next
    } while (cursor)
    expect(walked).toEqual(all.claims.map((c) => c.id))
    expect(decodeClaimCursor('not-a-cursor')).toBeNull()
  })

  it('follows the stable revision and flags conflicts across pages, then clears them', async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const editor = await createUser(t.db)
    const source = await createSource(t.db, { kind: 'vendor' })
    const body = (value: string) => doc(p(text('Quokkachat had '), figure(value, { sourceId: source.id, quote: `${value} accounts`, asOf: '2021-06', metric: 'registered-accounts', product: 'tchap' }), text(' accounts.')))
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(body('999'), { title: 'Claims follow stable' }), summary: '', idempotencyKey: null })
    if (!created.ok) throw new Error('save failed')
    const mine = async () => (await listClaims(t.db, { product: 'tchap', metric: 'registered-accounts', page: 'claims-follow-stable' }, { limit: 10 })).claims
    expect((await mine()).map((c) => [c.value, c.asOf, c.source.kind, c.conflict])).toEqual([[999, '2021-06', 'vendor', false]])
    // The demo's "220,000 in March 2021" is another month: no conflict. A yearly claim would be.
    const yearly = await saveRevision(t.db, { actor: trusted, slug: 'claims-follow-stable', baseRevisionId: created.revision.id, content: content(doc(p(figure('999', { sourceId: source.id, quote: '999 accounts', asOf: '2021', metric: 'registered-accounts', product: 'tchap' }))), { title: 'Claims follow stable' }), summary: '', idempotencyKey: null })
    if (!yearly.ok) throw new Error('save failed')
    expect((await mine())[0]!.conflict).toBe(true)
    const conflicts = await listConflicts(t.db)
    const ours = conflicts.find((c) => c.product === 'tchap' && c.metric === 'registered-accounts' && c.period === '2021')
    expect(ours?.claims.map((c) => c.value)).toEqual(expect.arrayContaining([999, 220_000]))
    const demoMarch = (await listClaims(t.db, { product: 'tchap', metric: 'registered-accounts', since: '2021-03' }, { limit: 50 })).claims.filter((c) => c.asOf === '2021-03')
    expect(demoMarch.length).toBeGreaterThan(0)
    expect(demoMarch.every((c) => c.conflict)).toBe(true)
    // A rebuild (all pages' claims, then each product and metric's conflicts once) flags the same.
    const flags = async () => (await listClaims(t.db, {}, { limit: 500 })).claims.map((c) => `${c.page.slug}#${c.ordinal}:${c.conflict}`).sort()
    const flagged = await flags()
    expect(flagged.some((f) => f.endsWith(':true'))).toBe(true)
    await t.db.deleteFrom('meta').where('key', '=', 'claims_indexed_at').execute()
    expect(await ensureClaimsIndex(t.db)).toBeGreaterThan(0)
    expect(await flags()).toEqual(flagged)
    // Dated to its month again, the claim no longer shares a period with the demo's.
    const removed = await saveRevision(t.db, { actor: trusted, slug: 'claims-follow-stable', baseRevisionId: yearly.revision.id, content: content(body('999'), { title: 'Claims follow stable' }), summary: '', idempotencyKey: null })
    expect(removed.ok && removed.revision.status).toBe('approved')
    expect((await mine()).map((c) => [c.asOf, c.conflict])).toEqual([['2021-06', false]])
    // A pending edit by an editor changes nothing readers see.
    const pending = await saveRevision(t.db, { actor: editor, slug: 'claims-follow-stable', baseRevisionId: removed.ok ? removed.revision.id : null, content: content(body('1,234'), { title: 'Claims follow stable' }), summary: '', idempotencyKey: null })
    expect(pending.ok && pending.revision.status).toBe('pending')
    expect((await mine()).map((c) => c.value)).toEqual([999])
    const after = (await listClaims(t.db, { product: 'tchap', metric: 'registered-accounts', since: '2021-03' }, { limit: 50 })).claims.filter((c) => c.asOf === '2021-03')
    expect(after.every((c) => !c.conflict)).toBe(true)
  })

  it('seeds unverified claims, some settled against demo figures and some open, each with its history', async () => {
    const { claims } = await listUnverifiedClaims(t.db, {}, 50)
    expect(claims.length).toBeGreaterThanOrEqual(5)
    const statuses = new Set(claims.map((c) => c.status))
    expect([...statuses]).toEqual(expect.arrayContaining(['open', 'verified', 'contradicted', 'no-source']))
    const dau = claims.find((c) => c.text.startsWith('Tchap has 200,000 daily users'))!
    expect(dau).toMatchObject({ status: 'verified', product: { slug: 'tchap' }, figure: { page: 'microsoft-teams-vs-tchap', text: '200,000' } })
    const events = await listClaimEvents(t.db, [dau.id])
    expect(events.get(dau.id)!.map((e) => e.action)).toEqual(['recorded', 'verified'])
  })

  it('records, settles and reopens an unverified claim, refusing bad input with messages', async () => {
    const editor = await createUser(t.db)
    const trusted = await createUser(t.db, { role: 'trusted' })
    const bad = await recordUnverifiedClaim(t.db, { authorId: editor.id, fields: { text: 'Tchap has 5 users', seenAt: 'a forum', product: 'no-such-product', metric: 'no-such-metric' } })
    expect(bad).toMatchObject({ ok: false, status: 422 })
    expect(!bad.ok && bad.status === 422 ? bad.issues.map((i) => i.code) : []).toEqual(['unknown_product', 'unknown_metric'])
    const recorded = await recordUnverifiedClaim(t.db, { authorId: editor.id, fields: { text: 'Tchap has 170,000 accounts', seenAt: 'https://example.org/post', product: 'tchap', metric: 'registered-accounts' } })
    if (!recorded.ok) throw new Error('record failed')
    expect(recorded.status).toBe('open')
    const noNote = await settleUnverifiedClaim(t.db, { actorId: trusted.id, claimId: recorded.id, fields: { status: 'no-source', note: '' } })
    expect(noNote).toMatchObject({ ok: false, status: 422, issues: [{ path: 'note' }] })
    const wrongFigure = await settleUnverifiedClaim(t.db, { actorId: trusted.id, claimId: recorded.id, fields: { status: 'verified', figure: '/pages/microsoft-teams-vs-tchap#fig-999' } })
    expect(wrongFigure).toMatchObject({ ok: false, status: 422, issues: [{ code: 'unknown_figure' }] })
    const [claim170] = (await listClaims(t.db, { product: 'tchap', metric: 'registered-accounts', page: 'microsoft-teams-vs-tchap' }, { limit: 50 })).claims.filter((c) => c.value === 170_000)
    const settled = await settleUnverifiedClaim(t.db, { actorId: trusted.id, claimId: recorded.id, fields: { status: 'verified', figure: `/pages/microsoft-teams-vs-tchap#fig-${claim170!.ordinal}` } })
    expect(settled).toEqual({ ok: true, id: recorded.id, status: 'verified' })
    expect(await getUnverifiedClaim(t.db, recorded.id)).toMatchObject({ status: 'verified', settledBy: trusted.username, figure: { text: '170,000', ordinal: claim170!.ordinal } })
    expect(await settleUnverifiedClaim(t.db, { actorId: trusted.id, claimId: recorded.id, fields: { status: 'no-source', note: 'x' } })).toMatchObject({ ok: false, status: 409 })
    const log = await t.db.selectFrom('moderation_log').select(['action', 'detail']).where('action', '=', 'claim.settle').execute()
    expect(log.some((l) => l.detail?.includes(recorded.id))).toBe(true)
    expect(await reopenUnverifiedClaim(t.db, { actorId: trusted.id, claimId: recorded.id, note: 'Wrong figure linked' })).toEqual({ ok: true })
    expect((await getUnverifiedClaim(t.db, recorded.id))!.status).toBe('open')
    const events = await listClaimEvents(t.db, [recorded.id])
    expect(events.get(recorded.id)!.map((e) => e.action)).toEqual(['recorded', 'verified', 'reopened'])
  })
})
