import fc from 'fast-check'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import type { PageContent } from '#app/core/content'
import { mergeContent } from '#app/core/merge'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision, listPageRevisions, type RevisionMeta } from '#app/models/revisions.server'
import { revertRevision } from './revert-revision.server'
import { reviewRevision } from './review-revision.server'
import { saveRevision } from './save-revision.server'

/**
 * Random sequences of saves (from the head, the stable revision or any older revision; by editors
 * and trusted editors), reverts, approvals and rejections on one page. After every step:
 * - every acknowledged save is stored (its change in the stored revision), every 409 a conflict
 *   revision holding exactly what was sent;
 * - every revision that became `approved` in that step has its change in the stable text;
 * - no pending change vanishes: it is in the head, unless a later revision took it out on purpose
 *   (a revert, or an edit whose author removed it); a save from older text merges with it.
 */
vi.hoisted(() => {
  // Thousands of saves by a few accounts: the rate limit is not what is under test.
  process.env.RATE_SAVE_USER = '1000000/3600'
})

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
// Letters only: a digit would be an uncited figure and hold every save in the queue.
const word = (n: number) => {
  let s = ''
  do {
    s += LETTERS[n % 26]
    n = Math.floor(n / 26)
  } while (n > 0)
  return s
}
const blocks = (c: PageContent) => (c.body.content ?? []).map((n) => n.content?.[0]?.text ?? '')
const withBlocks = (c: Pick<PageContent, 'title'>, lines: string[]) => content(doc(...lines.map((l) => p(text(l)))), { title: c.title })

type Edit = { kind: 'replace' | 'insert' | 'delete'; at: number }
type Step =
  | { op: 'save'; author: 'editor' | 'trusted'; base: 'head' | 'stable' | { older: number }; edit: Edit }
  | { op: 'revert'; author: 'editor' | 'trusted'; target: number }
  | { op: 'approve' | 'reject'; target: number }

const edit = fc.record({ kind: fc.constantFrom<Edit['kind']>('replace', 'insert', 'delete'), at: fc.nat(20) })
const author = fc.constantFrom<'editor' | 'trusted'>('editor', 'trusted')
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('save' as const), author, base: fc.oneof(fc.constant('head' as const), fc.constant('stable' as const), fc.record({ older: fc.nat(30) })), edit }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('revert' as const), author, target: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('approve' as const), target: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reject' as const), target: fc.nat(10) }) },
)

/**
 * A revision's change is undone in `text` when taking it back out of `text` (a three-way merge
 * from the revision to its parent, applied to `text`) changes nothing: `text` is already as if
 * the revision had never been made.
 */
function undoneIn(parent: PageContent, revision: PageContent, textNow: PageContent): boolean {
  if (JSON.stringify(parent) === JSON.stringify(revision)) return false
  const takenOut = mergeContent(revision, parent, textNow)
  return takenOut.ok && JSON.stringify(takenOut.content) === JSON.stringify(textNow)
}

/**
 * The saver's own edit (the text they started from → the text they sent) takes out the
 * revision's change: it removes a block the revision added, or brings back one it removed.
 * Every block line is unique, so lines stand for blocks.
 */
function editTakesOut(parent: string[], revision: string[], sent: { base: string[]; lines: string[] }): boolean {
  const added = revision.filter((l) => !parent.includes(l))
  const removed = parent.filter((l) => !revision.includes(l))
  return added.some((l) => sent.base.includes(l) && !sent.lines.includes(l)) || removed.some((l) => !sent.base.includes(l) && sent.lines.includes(l))
}

describe.each(TEST_ENGINES)('edits kept and statuses true on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let users: Record<'editor' | 'trusted' | 'moderator', Awaited<ReturnType<typeof createUser>>>
  let pageNumber = 0
  beforeAll(async () => {
    users = { editor: await createUser(t.db), trusted: await createUser(t.db, { role: 'trusted' }), moderator: await createUser(t.db, { role: 'moderator' }) }
  })

  async function run(steps: Step[]) {
    let marker = 0
    const title = `Property page ${word(pageNumber++)}`
    const first = await saveRevision(t.db, { actor: users.trusted, slug: null, baseRevisionId: null, content: withBlocks(content(doc(), { title }), ['Block a.', 'Block b.', 'Block c.', 'Block d.']), summary: 'first', idempotencyKey: null })
    if (!first.ok) throw new Error(JSON.stringify(first))
    const slug = first.page.slug
    const all = async () => (await listPageRevisions(t.db, first.page.id, { limit: 1000 })).reverse()
    const contentOf = async (id: string) => (await getRevision(t.db, id))!.content
    let before = await all()
    const sent = new Map<string, { base: string[]; lines: string[] }>()

    for (const s of steps) {
      const page = (await getPageBySlug(t.db, slug))!
      const chain = before.filter((r) => r.status !== 'conflict')
      const pending = chain.filter((r) => r.status === 'pending')
      if (s.op === 'save') {
        const baseId = s.base === 'head' ? page.latestRevisionId : s.base === 'stable' ? page.stableRevisionId! : chain[s.base.older % chain.length]!.id
        const baseLines = blocks(await contentOf(baseId))
        const line = `Edit ${word(marker++)} was written here.`
        const at = s.edit.at % (baseLines.length + (s.edit.kind === 'insert' ? 1 : 0))
        const kind = s.edit.kind === 'delete' && baseLines.length < 2 ? 'replace' : s.edit.kind
        const removed = kind === 'insert' ? null : baseLines[at]!
        const lines = kind === 'insert' ? baseLines.toSpliced(at, 0, line) : kind === 'replace' ? baseLines.toSpliced(at, 1, line) : baseLines.toSpliced(at, 1)
        const submitted = withBlocks(page, lines)
        const result = await saveRevision(t.db, { actor: users[s.author], slug, baseRevisionId: baseId, content: submitted, summary: '', idempotencyKey: null })
        if (result.ok) {
          sent.set(result.revision.id, { base: baseLines, lines })
          const stored = blocks(await contentOf(result.revision.id))
          if (kind === 'delete') expect(stored).not.toContain(removed)
          else expect(stored).toContain(line)
        } else {
          expect(result.code).toBe('edit_conflict')
          if (result.code !== 'edit_conflict') return
          const conflict = (await getRevision(t.db, result.conflict.revisionId))!
          expect(conflict.status).toBe('conflict')
          expect(conflict.content).toEqual(submitted)
        }
      } else if (s.op === 'revert') {
        const target = chain[s.target % chain.length]!
        const result = await revertRevision(t.db, { actor: users[s.author], slug, revisionId: target.id, baseRevisionId: page.latestRevisionId, idempotencyKey: null })
        if (result.ok) expect(await contentOf(result.revision.id)).toEqual(await contentOf(target.id))
        else expect(result.code).toBe('already_current')
      } else if (pending.length > 0) {
        const target = pending[s.target % pending.length]!
        const result = await reviewRevision(t.db, { moderator: users.moderator, revisionId: target.id, decision: s.op, reason: s.op === 'reject' ? 'no' : '' })
        expect(result.ok ? 'ok' : result.code).toBe('ok')
      }

      const after = await all()
      const now = (await getPageBySlug(t.db, slug))!
      const stable = await contentOf(now.stableRevisionId!)
      const head = await contentOf(now.latestRevisionId)
      const was = new Map(before.map((r) => [r.id, r.status]))
      for (const r of after) {
        if (r.status === 'approved' && was.get(r.id) !== 'approved' && r.parentId) {
          expect(undoneIn(await contentOf(r.parentId), await contentOf(r.id), stable), `approved ${r.id} has its change in the stable text`).toBe(false)
        }
      }
      const chainNow = after.filter((r) => r.status !== 'conflict')
      // Taken out on purpose: by a revert, by an edit made from a revision on the history after
      // it, or by an edit whose author removed what it added or brought back what it removed
      // (starting from an older text, which a revert can have made read like the change). A merge
      // never may.
      const undoneOnPurpose = (r: RevisionMeta, parent: PageContent, change: PageContent) =>
        chainNow.some((x) => {
          if (x.id <= r.id || x.id > now.latestRevisionId) return false
          if (x.restoresRevisionId !== null || (x.baseRevisionId !== null && x.baseRevisionId >= r.id)) return true
          const edit = sent.get(x.id)
          return edit !== undefined && editTakesOut(blocks(parent), blocks(change), edit)
        })
      for (const r of chainNow) {
        if (r.status !== 'pending' || !r.parentId) continue
        const [parent, change] = [await contentOf(r.parentId), await contentOf(r.id)]
        if (undoneIn(parent, change, head) && !undoneOnPurpose(r, parent, change)) {
          expect.fail(`pending ${r.id} has its change undone in the head by a save from a text without it`)
        }
      }
      // Nothing acknowledged disappears: every revision stored before is still stored.
      expect(after.length).toBeGreaterThanOrEqual(before.length)
      before = after
    }
  }

  // Found by CI: a revert brings back a block, then an editor of the older stable text (which had
  // that block) deletes it. The deletion is theirs, not the merge's.
  const revertedBlockDeletedFromOlderText: Step[] = [
    { op: 'save', author: 'editor', base: 'head', edit: { kind: 'delete', at: 0 } },
    { op: 'save', author: 'editor', base: 'stable', edit: { kind: 'replace', at: 10 } },
    { op: 'save', author: 'editor', base: 'head', edit: { kind: 'delete', at: 0 } },
    { op: 'revert', author: 'editor', target: 14 },
    { op: 'save', author: 'editor', base: 'stable', edit: { kind: 'delete', at: 1 } },
    { op: 'save', author: 'editor', base: 'stable', edit: { kind: 'replace', at: 0 } },
  ]

  it('keeps every change that is acknowledged, approved or pending', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), run), { numRuns: 40, examples: [[revertedBlockDeletedFromOlderText]] })
  }, 300_000)

  it('an edit of the stable text sent with the head’s id: approving it supersedes the pending revision it undid', async () => {
    const created = await saveRevision(t.db, { actor: users.trusted, slug: null, baseRevisionId: null, content: withBlocks(content(doc(), { title: 'Stale pairing' }), ['Block a.', 'Block b.', 'Block c.']), summary: '', idempotencyKey: null })
    if (!created.ok) throw new Error(JSON.stringify(created))
    const stable = created.revision.id
    const pending = await saveRevision(t.db, { actor: users.editor, slug: created.page.slug, baseRevisionId: stable, content: withBlocks(content(doc(), { title: 'Stale pairing' }), ['Block a.', 'Block b changed.', 'Block c.']), summary: '', idempotencyKey: null })
    if (!pending.ok) throw new Error(JSON.stringify(pending))
    // The stable text with an edit of block c, sent as if it had been made from the pending head.
    const stale = await saveRevision(t.db, { actor: users.editor, slug: created.page.slug, baseRevisionId: pending.revision.id, content: withBlocks(content(doc(), { title: 'Stale pairing' }), ['Block a.', 'Block b.', 'Block c changed.']), summary: '', idempotencyKey: null })
    if (!stale.ok) throw new Error(JSON.stringify(stale))
    const review = await reviewRevision(t.db, { moderator: users.moderator, revisionId: stale.revision.id, decision: 'approve', reason: '' })
    expect(review).toMatchObject({ ok: true, published: [stale.revision.id], superseded: [pending.revision.id] })
    expect((await getRevision(t.db, pending.revision.id))!.status).toBe('superseded')
  })

  it('a plain editor’s revert of a pending revision: approving it marks the reverted one superseded', async () => {
    const created = await saveRevision(t.db, { actor: users.trusted, slug: null, baseRevisionId: null, content: withBlocks(content(doc(), { title: 'Reverted while pending' }), ['Block a.', 'Block b.']), summary: '', idempotencyKey: null })
    if (!created.ok) throw new Error(JSON.stringify(created))
    const slug = created.page.slug
    const pending = await saveRevision(t.db, { actor: users.editor, slug, baseRevisionId: created.revision.id, content: withBlocks(content(doc(), { title: 'Reverted while pending' }), ['Block a.', 'Block b changed.']), summary: '', idempotencyKey: null })
    const other = await saveRevision(t.db, { actor: users.editor, slug, baseRevisionId: pending.ok ? pending.revision.id : null, content: withBlocks(content(doc(), { title: 'Reverted while pending' }), ['Block a changed.', 'Block b changed.']), summary: '', idempotencyKey: null })
    if (!pending.ok || !other.ok) throw new Error('setup failed')
    // A plain editor's revert to the stable text waits for review like any of their edits.
    const revert = await revertRevision(t.db, { actor: users.editor, slug, revisionId: created.revision.id, baseRevisionId: other.revision.id, idempotencyKey: null })
    expect(revert).toMatchObject({ ok: true, revision: { status: 'pending' } })
    if (!revert.ok) return
    const review = await reviewRevision(t.db, { moderator: users.moderator, revisionId: revert.revision.id, decision: 'approve', reason: '' })
    expect(review).toMatchObject({ ok: true, published: [revert.revision.id], superseded: [pending.revision.id, other.revision.id] })
    const statuses = (await listPageRevisions(t.db, created.page.id, { limit: 10 })).map((r) => r.status)
    expect(statuses).toEqual(['approved', 'superseded', 'superseded', 'approved'])
  })
})
