import type { UnverifiedStatus } from '#app/core/claims'
import type { DB } from './db.server'

/** A claim seen without a source, with how it was settled and every step taken (decision 027). */
export interface UnverifiedClaimView {
  id: string
  text: string
  seenAt: string
  product: { slug: string; name: string | null } | null
  metric: string | null
  status: UnverifiedStatus
  author: string
  createdAt: string
  settledBy: string | null
  settledAt: string | null
  note: string | null
  figure: { page: string; pageTitle: string; ordinal: number; text: string; revisionId: string; source: { id: string; title: string; publisher: string; kind: string; url: string } | null } | null
}

export interface UnverifiedClaimEvent {
  id: string
  action: string
  actor: string
  note: string | null
  detail: Record<string, unknown> | null
  createdAt: string
}

export async function insertUnverifiedClaim(
  db: DB,
  claim: { id: string; text: string; seenAt: string; product: string | null; metric: string | null; createdBy: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('unverified_claims')
    .values({
      id: claim.id, text: claim.text, seen_at: claim.seenAt, product_slug: claim.product, metric: claim.metric, status: 'open',
      created_by: claim.createdBy, created_at: claim.createdAt, settled_by: null, settled_at: null, note: null,
      figure_page_id: null, figure_revision_id: null, figure_ordinal: null, figure_text: null, figure_source_id: null,
    })
    .execute()
}

export async function insertClaimEvent(db: DB, event: { id: string; claimId: string; actorId: string; action: string; note: string | null; detail?: Record<string, unknown>; createdAt: string }): Promise<void> {
  await db
    .insertInto('unverified_claim_events')
    .values({ id: event.id, claim_id: event.claimId, actor_id: event.actorId, action: event.action, note: event.note, detail: event.detail ? JSON.stringify(event.detail) : null, created_at: event.createdAt })
    .execute()
}

export async function settleClaim(
  db: DB,
  id: string,
  settlement: { status: UnverifiedStatus; settledBy: string | null; settledAt: string | null; note: string | null; figure: { pageId: string; revisionId: string; ordinal: number; text: string; sourceId: string | null } | null },
): Promise<void> {
  await db
    .updateTable('unverified_claims')
    .set({
      status: settlement.status, settled_by: settlement.settledBy, settled_at: settlement.settledAt, note: settlement.note,
      figure_page_id: settlement.figure?.pageId ?? null, figure_revision_id: settlement.figure?.revisionId ?? null, figure_ordinal: settlement.figure?.ordinal ?? null,
      figure_text: settlement.figure?.text ?? null, figure_source_id: settlement.figure?.sourceId ?? null,
    })
    .where('id', '=', id)
    .execute()
}

function baseQuery(db: DB) {
  return db
    .selectFrom('unverified_claims as c')
    .innerJoin('users as a', 'a.id', 'c.created_by')
    .leftJoin('users as s', 's.id', 'c.settled_by')
    .leftJoin('product_index as p', 'p.slug', 'c.product_slug')
    .leftJoin('pages as fp', 'fp.id', 'c.figure_page_id')
    .leftJoin('sources as src', 'src.id', 'c.figure_source_id')
    .select([
      'c.id', 'c.text', 'c.seen_at', 'c.product_slug', 'c.metric', 'c.status', 'c.created_at', 'c.settled_at', 'c.note', 'c.figure_ordinal', 'c.figure_text',
      'c.figure_revision_id', 'a.username as author', 's.username as settled_by', 'p.name as product_name', 'fp.slug as figure_page', 'fp.title as figure_page_title',
      'src.id as source_id', 'src.title as source_title', 'src.publisher as source_publisher', 'src.kind as source_kind', 'src.url as source_url',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function toView(r: Row): UnverifiedClaimView {
  return {
    id: r.id, text: r.text, seenAt: r.seen_at, product: r.product_slug ? { slug: r.product_slug, name: r.product_name } : null, metric: r.metric,
    status: r.status as UnverifiedStatus, author: r.author, createdAt: r.created_at, settledBy: r.settled_by, settledAt: r.settled_at, note: r.note,
    figure: r.figure_page && r.figure_ordinal !== null && r.figure_revision_id
      ? {
          page: r.figure_page, pageTitle: r.figure_page_title ?? r.figure_page, ordinal: Number(r.figure_ordinal), text: r.figure_text ?? '', revisionId: r.figure_revision_id,
          source: r.source_id ? { id: r.source_id, title: r.source_title ?? '', publisher: r.source_publisher ?? '', kind: r.source_kind ?? '', url: r.source_url ?? '' } : null,
        }
      : null,
  }
}

export async function getUnverifiedClaim(db: DB, id: string): Promise<UnverifiedClaimView | null> {
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst()
  return row ? toView(row) : null
}

/** Newest first; `before` is the id of the last claim of the previous page. */
export async function listUnverifiedClaims(db: DB, filters: { status?: UnverifiedStatus | null; product?: string | null; before?: string | null }, limit: number): Promise<{ claims: UnverifiedClaimView[]; next: string | null }> {
  let query = baseQuery(db)
  if (filters.status) query = query.where('c.status', '=', filters.status)
  if (filters.product) query = query.where('c.product_slug', '=', filters.product)
  if (filters.before) query = query.where('c.id', '<', filters.before)
  const rows = await query.orderBy('c.id', 'desc').limit(limit + 1).execute()
  const claims = rows.slice(0, limit).map(toView)
  return { claims, next: rows.length > limit ? claims[claims.length - 1]!.id : null }
}

export async function listClaimEvents(db: DB, claimIds: readonly string[]): Promise<Map<string, UnverifiedClaimEvent[]>> {
  const result = new Map<string, UnverifiedClaimEvent[]>(claimIds.map((id) => [id, []]))
  if (claimIds.length === 0) return result
  const rows = await db
    .selectFrom('unverified_claim_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.claim_id', 'e.action', 'e.note', 'e.detail', 'e.created_at', 'u.username'])
    .where('e.claim_id', 'in', [...claimIds])
    .orderBy('e.id')
    .execute()
  for (const r of rows) {
    result.get(r.claim_id)?.push({ id: r.id, action: r.action, actor: r.username, note: r.note, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null, createdAt: r.created_at })
  }
  return result
}

/** The cited figure of a page's stable revision, by its number (what an editor links to settle a claim). */
export async function findCitedFigure(db: DB, pageSlug: string, ordinal: number): Promise<{ pageId: string; revisionId: string; ordinal: number; text: string; sourceId: string | null; value: number | null } | null> {
  const row = await db
    .selectFrom('pages')
    .innerJoin('figures', (join) => join.onRef('figures.revision_id', '=', 'pages.stable_revision_id'))
    .select(['pages.id as page_id', 'figures.revision_id', 'figures.ordinal', 'figures.text', 'figures.source_id', 'figures.value'])
    .where('pages.slug', '=', pageSlug)
    .where('figures.ordinal', '=', ordinal)
    .where('figures.cited', '=', 1)
    .executeTakeFirst()
  return row ? { pageId: row.page_id, revisionId: row.revision_id, ordinal: Number(row.ordinal), text: row.text, sourceId: row.source_id, value: row.value === null ? null : Number(row.value) } : null
}
