import { sql } from 'kysely'
import type { FindingKind } from '#app/core/analyse'
import type { QueueFilters } from '#app/core/moderation-filters'
import type { Role } from '#app/core/roles'
import { isRole } from '#app/core/roles'
import type { DB } from './db.server'

/** Reads behind the moderator's queue and review page: pending revisions, their findings, their authors' records. */

export interface QueueEntry {
  id: string
  page: { slug: string; title: string; lang: string }
  author: { id: string; username: string; role: Role; createdAt: string }
  summary: string
  createdAt: string
  riskScore: number
  uncitedCount: number
  findingCounts: Partial<Record<FindingKind, number>>
  /** The flagged words themselves (the first few per kind), so the queue shows them at a glance. */
  findingSamples: Partial<Record<FindingKind, string[]>>
}

/** Kinds whose finding text is words of the revision (a removed citation's text is a source id). */
const SAMPLED_KINDS = ['uncited-figure', 'marketing', 'quote-mismatch'] as const satisfies readonly FindingKind[]
const SAMPLES_PER_KIND = 3
const SAMPLE_LENGTH = 40

export interface AuthorRecord {
  approved: number
  rejected: number
  pending: number
}

export interface QueueCounts {
  pending: number
  uncited: number
  marketing: number
}

/** Pending revisions, riskiest first and oldest first at equal risk, keyset-paginated on (risk, id). */
export async function listQueue(db: DB, filters: QueueFilters, window: { after?: string; before?: string }, limit: number): Promise<QueueEntry[]> {
  let query = db
    .selectFrom('revisions as r')
    .innerJoin('pages as p', 'p.id', 'r.page_id')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.id', 'r.summary', 'r.created_at', 'r.risk_score', 'r.uncited_count', 'p.slug', 'p.title', 'p.lang', 'u.id as author_id', 'u.username', 'u.role', 'u.created_at as author_created_at'])
    .where('r.status', '=', 'pending')
  if (filters.lang) query = query.where('p.lang', '=', filters.lang)
  if (filters.page) query = query.where('p.slug', '=', filters.page)
  if (window.after) query = query.where('r.created_at', '>=', window.after)
  if (window.before) query = query.where('r.created_at', '<', window.before)
  if (filters.finding) {
    const kind = filters.finding
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('findings as f').select('f.id').whereRef('f.revision_id', '=', 'r.id').where('f.kind', '=', kind)))
  }
  if (filters.after) {
    const { risk, id } = filters.after
    query = query.where((eb) => eb.or([eb('r.risk_score', '<', risk), eb.and([eb('r.risk_score', '=', risk), eb('r.id', '>', id)])]))
  }
  const rows = await query.orderBy('r.risk_score', 'desc').orderBy('r.id', 'asc').limit(limit).execute()
  const ids = rows.map((r) => r.id)
  const [counts, samples] = await Promise.all([countFindingsByRevision(db, ids), sampleFindingTexts(db, ids)])
  return rows.map((r) => ({
    id: r.id,
    page: { slug: r.slug, title: r.title, lang: r.lang },
    author: { id: r.author_id, username: r.username, role: isRole(r.role) ? r.role : 'editor', createdAt: r.author_created_at },
    summary: r.summary,
    createdAt: r.created_at,
    riskScore: Number(r.risk_score),
    uncitedCount: Number(r.uncited_count),
    findingCounts: counts.get(r.id) ?? {},
    findingSamples: samples.get(r.id) ?? {},
  }))
}

/** The first distinct flagged texts per kind of each revision, in reading order. */
async function sampleFindingTexts(db: DB, revisionIds: readonly string[]): Promise<Map<string, Partial<Record<FindingKind, string[]>>>> {
  const result = new Map<string, Partial<Record<FindingKind, string[]>>>()
  if (revisionIds.length === 0) return result
  const rows = await db
    .selectFrom('findings')
    .select(['revision_id', 'kind', 'text'])
    .where('revision_id', 'in', revisionIds)
    .where('kind', 'in', SAMPLED_KINDS)
    .orderBy('revision_id')
    .orderBy('start_offset')
    .orderBy('id')
    .execute()
  for (const row of rows) {
    const entry = result.get(row.revision_id) ?? {}
    const kind = row.kind as FindingKind
    const list = (entry[kind] ??= [])
    const text = row.text.replace(/\s+/g, ' ').trim()
    const shown = text.length > SAMPLE_LENGTH ? `${text.slice(0, SAMPLE_LENGTH - 1)}…` : text
    if (shown !== '' && list.length < SAMPLES_PER_KIND && !list.includes(shown)) list.push(shown)
    result.set(row.revision_id, entry)
  }
  return result
}

async function countFindingsByRevision(db: DB, revisionIds: readonly string[]): Promise<Map<string, Partial<Record<FindingKind, number>>>> {
  const result = new Map<string, Partial<Record<FindingKind, number>>>()
  if (revisionIds.length === 0) return result
  const rows = await db
    .selectFrom('findings')
    .select(['revision_id', 'kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('revision_id', 'in', revisionIds)
    .groupBy(['revision_id', 'kind'])
    .execute()
  for (const row of rows) {
    const entry = result.get(row.revision_id) ?? {}
    entry[row.kind as FindingKind] = Number(row.count)
    result.set(row.revision_id, entry)
  }
  return result
}

/**
 * The queue's counts, each read from an index alone (migration 0108). The conditions are
 * literals, as in the partial indexes, so any plan can use them, a generic one included.
 */
export async function countQueue(db: DB): Promise<QueueCounts> {
  const pending = () => db.selectFrom('revisions as r').select((eb) => eb.fn.countAll<number>().as('n')).where('r.status', '=', sql.lit('pending'))
  const [all, uncited, marketing] = await Promise.all([
    pending().executeTakeFirstOrThrow(),
    pending().where('r.uncited_count', '>', sql.lit(0)).executeTakeFirstOrThrow(),
    pending()
      .where(({ exists, selectFrom }) => exists(selectFrom('findings as f').select('f.revision_id').whereRef('f.revision_id', '=', 'r.id').where('f.kind', '=', sql.lit('marketing'))))
      .executeTakeFirstOrThrow(),
  ])
  return { pending: Number(all.n), uncited: Number(uncited.n), marketing: Number(marketing.n) }
}

/** Each author's approved, rejected and pending revisions: the record a moderator weighs. */
export async function getAuthorRecords(db: DB, authorIds: readonly string[]): Promise<Map<string, AuthorRecord>> {
  const result = new Map<string, AuthorRecord>()
  if (authorIds.length === 0) return result
  const rows = await db
    .selectFrom('revisions')
    .select(['author_id', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('author_id', 'in', [...new Set(authorIds)])
    .where('status', 'in', ['approved', 'rejected', 'pending'])
    .groupBy(['author_id', 'status'])
    .execute()
  for (const id of authorIds) result.set(id, { approved: 0, rejected: 0, pending: 0 })
  for (const row of rows) {
    const record = result.get(row.author_id)!
    record[row.status as keyof AuthorRecord] = Number(row.count)
  }
  return result
}

export interface Decision {
  decision: 'approve' | 'reject'
  moderator: string
  reason: string
  createdAt: string
}

export async function getDecision(db: DB, revisionId: string): Promise<Decision | null> {
  const row = await db
    .selectFrom('moderation_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.moderator_id')
    .select(['d.decision', 'u.username', 'd.reason', 'd.created_at'])
    .where('d.revision_id', '=', revisionId)
    .executeTakeFirst()
  return row ? { decision: row.decision as Decision['decision'], moderator: row.username, reason: row.reason, createdAt: row.created_at } : null
}
