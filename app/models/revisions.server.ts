import type { PageContent, RevisionStatus } from '#app/core/content'
import type { DB } from './db.server'

export interface RevisionMeta {
  id: string
  pageId: string
  parentId: string | null
  baseRevisionId: string | null
  authorId: string
  authorName: string
  summary: string
  status: RevisionStatus
  size: number
  createdAt: string
  restoresRevisionId: string | null
  uncitedCount: number
  findingCount: number
  riskScore: number
  /** A moderator hid the snapshot (decision 028): `content` is then empty unless revealed. */
  contentHidden: boolean
  /** A moderator hid the edit summary: `summary` is then '' unless revealed. */
  summaryHidden: boolean
}

export interface RevisionWithContent extends RevisionMeta {
  content: PageContent
  contentHash: string
}

const metaColumns = [
  'revisions.id', 'revisions.page_id', 'revisions.parent_id', 'revisions.base_revision_id', 'revisions.author_id',
  'users.username', 'revisions.summary', 'revisions.status', 'revisions.size', 'revisions.created_at',
  'revisions.restores_revision_id', 'revisions.uncited_count', 'revisions.finding_count', 'revisions.risk_score',
  'revisions.content_hidden', 'revisions.summary_hidden',
] as const

type MetaRow = {
  id: string; page_id: string; parent_id: string | null; base_revision_id: string | null; author_id: string
  username: string; summary: string; status: string; size: number; created_at: string
  restores_revision_id: string | null; uncited_count: number; finding_count: number; risk_score: number
  content_hidden: number; summary_hidden: number
}

/**
 * Whether hidden text is handed out. Every read redacts by default, so no surface (page, history,
 * diff, feed, API, export, review) can show hidden text by forgetting to; only an admin's view
 * and the services that must merge the true text ask for `reveal`.
 */
export interface ReadOptions {
  reveal?: boolean
}

/** What a snapshot whose content is hidden reads as: nothing but its language. */
function redactedContent(lang: PageContent['lang']): PageContent {
  return { title: '', summary: '', lang, subjects: { proprietary: [], alternatives: [] }, categories: [], body: { type: 'doc', content: [] } }
}

function toMeta(row: MetaRow, options: ReadOptions = {}): RevisionMeta {
  const summaryHidden = Number(row.summary_hidden) === 1
  return {
    id: row.id,
    pageId: row.page_id,
    parentId: row.parent_id,
    baseRevisionId: row.base_revision_id,
    authorId: row.author_id,
    authorName: row.username,
    summary: summaryHidden && !options.reveal ? '' : row.summary,
    status: row.status as RevisionStatus,
    size: Number(row.size),
    createdAt: row.created_at,
    restoresRevisionId: row.restores_revision_id,
    uncitedCount: Number(row.uncited_count),
    findingCount: Number(row.finding_count),
    riskScore: Number(row.risk_score),
    contentHidden: Number(row.content_hidden) === 1,
    summaryHidden,
  }
}

export async function getRevision(db: DB, id: string, options: ReadOptions = {}): Promise<RevisionWithContent | null> {
  const row = await db
    .selectFrom('revisions')
    .innerJoin('users', 'users.id', 'revisions.author_id')
    .select([...metaColumns, 'revisions.content', 'revisions.content_hash'])
    .where('revisions.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const meta = toMeta(row, options)
  const content = JSON.parse(row.content) as PageContent
  return { ...meta, content: meta.contentHidden && !options.reveal ? redactedContent(content.lang) : content, contentHash: row.content_hash }
}

/** Hides or shows a revision's content and summary; false when the revision does not exist. */
export async function setRevisionVisibility(db: DB, id: string, hidden: { content: boolean; summary: boolean }): Promise<boolean> {
  const result = await db.updateTable('revisions').set({ content_hidden: hidden.content ? 1 : 0, summary_hidden: hidden.summary ? 1 : 0 }).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The page's newest approved revision older than `beforeId` whose content is not hidden: what readers see instead of a hidden one. */
export async function findNewestVisibleApproved(db: DB, pageId: string, beforeId: string): Promise<RevisionWithContent | null> {
  const row = await db
    .selectFrom('revisions')
    .select('id')
    .where('page_id', '=', pageId)
    .where('id', '<', beforeId)
    .where('status', '=', 'approved')
    .where('content_hidden', '=', 0)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? getRevision(db, row.id) : null
}

export async function getRevisionMeta(db: DB, id: string): Promise<RevisionMeta | null> {
  const row = await db
    .selectFrom('revisions')
    .innerJoin('users', 'users.id', 'revisions.author_id')
    .select(metaColumns)
    .where('revisions.id', '=', id)
    .executeTakeFirst()
  return row ? toMeta(row) : null
}

export interface NewRevisionRecord {
  id: string
  pageId: string
  parentId: string | null
  baseRevisionId: string | null
  authorId: string
  summary: string
  status: RevisionStatus
  content: string
  contentHash: string
  createdAt: string
  idempotencyKey: string | null
  /** Hash of the request behind `idempotencyKey`, to refuse the key's reuse for another request. */
  idempotencyFingerprint?: string | null
  restoresRevisionId: string | null
  uncitedCount: number
  findingCount: number
  riskScore: number
}

export async function insertRevision(db: DB, r: NewRevisionRecord): Promise<void> {
  await db
    .insertInto('revisions')
    .values({
      id: r.id,
      page_id: r.pageId,
      parent_id: r.parentId,
      base_revision_id: r.baseRevisionId,
      author_id: r.authorId,
      summary: r.summary,
      status: r.status,
      content: r.content,
      content_hash: r.contentHash,
      size: Buffer.byteLength(r.content),
      created_at: r.createdAt,
      idempotency_key: r.idempotencyKey,
      idempotency_fingerprint: r.idempotencyFingerprint ?? null,
      restores_revision_id: r.restoresRevisionId,
      uncited_count: r.uncitedCount,
      finding_count: r.findingCount,
      risk_score: r.riskScore,
    })
    .execute()
}

/**
 * The status is the only thing about a revision that ever changes (pending → approved, …); the
 * `from` guard makes the change atomic: it happens only if nobody changed it first.
 */
export async function setRevisionStatus(db: DB, id: string, from: RevisionStatus[], to: RevisionStatus): Promise<boolean> {
  const result = await db.updateTable('revisions').set({ status: to }).where('id', '=', id).where('status', 'in', from).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function findRevisionByIdempotencyKey(db: DB, authorId: string, key: string): Promise<(RevisionMeta & { idempotencyFingerprint: string | null }) | null> {
  const row = await db
    .selectFrom('revisions')
    .innerJoin('users', 'users.id', 'revisions.author_id')
    .select([...metaColumns, 'revisions.idempotency_fingerprint'])
    .where('revisions.author_id', '=', authorId)
    .where('revisions.idempotency_key', '=', key)
    .executeTakeFirst()
  return row ? { ...toMeta(row), idempotencyFingerprint: row.idempotency_fingerprint } : null
}

export async function countApprovedRevisionsByAuthor(db: DB, authorId: string): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('author_id', '=', authorId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export interface RevisionListOptions {
  limit: number
  /** Keyset pagination: revisions older than this id. */
  before?: string | null
}

/** A page's revisions, newest first (ids sort by creation time). */
export async function listPageRevisions(db: DB, pageId: string, options: RevisionListOptions): Promise<RevisionMeta[]> {
  let query = db.selectFrom('revisions').innerJoin('users', 'users.id', 'revisions.author_id').select(metaColumns).where('revisions.page_id', '=', pageId)
  if (options.before) query = query.where('revisions.id', '<', options.before)
  const rows = await query.orderBy('revisions.id', 'desc').limit(options.limit).execute()
  return rows.map((r) => toMeta(r))
}

/** The page's newest approved or pending revision older than `beforeId`: where its head goes back to when the head is rejected. */
export async function findNewestLiveRevision(db: DB, pageId: string, beforeId: string): Promise<RevisionMeta | null> {
  const row = await db
    .selectFrom('revisions')
    .innerJoin('users', 'users.id', 'revisions.author_id')
    .select(metaColumns)
    .where('revisions.page_id', '=', pageId)
    .where('revisions.id', '<', beforeId)
    .where('revisions.status', 'in', ['approved', 'pending'])
    .orderBy('revisions.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? toMeta(row) : null
}

/** Revisions on the page's linear history between two revisions (exclusive of `after`). */
export async function listChainBetween(db: DB, pageId: string, afterId: string | null, uptoId: string): Promise<RevisionMeta[]> {
  let query = db
    .selectFrom('revisions')
    .innerJoin('users', 'users.id', 'revisions.author_id')
    .select(metaColumns)
    .where('revisions.page_id', '=', pageId)
    .where('revisions.id', '<=', uptoId)
    .where('revisions.status', '!=', 'conflict')
  if (afterId) query = query.where('revisions.id', '>', afterId)
  const rows = await query.orderBy('revisions.id', 'asc').execute()
  return rows.map((r) => toMeta(r))
}

/** What names a revision for people (its date, author and short number), for the ids a page only refers to. */
export interface RevisionRef {
  id: string
  createdAt: string
  author: string
}

export async function getRevisionRefs(db: DB, ids: readonly string[]): Promise<Record<string, RevisionRef>> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return {}
  const rows = await db
    .selectFrom('revisions')
    .innerJoin('users', 'users.id', 'revisions.author_id')
    .select(['revisions.id', 'revisions.created_at', 'users.username'])
    .where('revisions.id', 'in', wanted)
    .execute()
  return Object.fromEntries(rows.map((r) => [r.id, { id: r.id, createdAt: r.created_at, author: r.username }]))
}

/** Rows that may restore an earlier revision, each given that revision's name (one query for all). */
export async function withRestoredRefs<R extends { restoresRevisionId: string | null }>(db: DB, rows: R[]): Promise<Array<R & { restores: RevisionRef | null }>> {
  const refs = await getRevisionRefs(db, rows.flatMap((r) => (r.restoresRevisionId ? [r.restoresRevisionId] : [])))
  return rows.map((r) => ({ ...r, restores: r.restoresRevisionId ? (refs[r.restoresRevisionId] ?? null) : null }))
}
