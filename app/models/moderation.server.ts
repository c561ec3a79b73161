import { usernameKey } from '#app/core/username'
import type { DB } from './db.server'
import { newId, nowIso } from './ids.server'

export type LogAction =
  | 'revision.approve'
  | 'revision.reject'
  | 'revision.rollback'
  | 'report.upheld'
  | 'report.dismissed'
  | 'page.protect'
  | 'page.unprotect'
  | 'user.block'
  | 'user.unblock'
  | 'user.role'
  | 'user.auto-trusted'
  | 'page.move'
  | 'page.delete'
  | 'page.restore'
  | 'revision.hide'
  | 'revision.unhide'
  /** An unverified claim settled (verified, contradicted, no source found) or reopened (decision 027). */
  | 'claim.settle'

export async function insertDecision(db: DB, d: { revisionId: string; moderatorId: string; decision: 'approve' | 'reject'; reason: string }): Promise<void> {
  await db.insertInto('moderation_decisions').values({ id: newId(), revision_id: d.revisionId, moderator_id: d.moderatorId, decision: d.decision, reason: d.reason, created_at: nowIso() }).execute()
}

/** The public moderation log: every decision, resolution, protection and block, with its reason. */
export async function appendLog(
  db: DB,
  entry: { action: LogAction; actorId: string | null; pageId?: string | null; revisionId?: string | null; reportId?: string | null; targetUserId?: string | null; reason: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('moderation_log')
    .values({
      id: newId(),
      action: entry.action,
      actor_id: entry.actorId,
      page_id: entry.pageId ?? null,
      revision_id: entry.revisionId ?? null,
      report_id: entry.reportId ?? null,
      target_user_id: entry.targetUserId ?? null,
      reason: entry.reason,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      created_at: nowIso(),
    })
    .execute()
}

export interface LogEntry {
  id: string
  action: LogAction
  actor: string | null
  page: { slug: string; title: string } | null
  revisionId: string | null
  reportId: string | null
  targetUser: string | null
  reason: string
  detail: Record<string, unknown> | null
  createdAt: string
}

export async function listLog(db: DB, options: { action?: string; pageSlug?: string; moderator?: string | null; before?: string | null; limit: number }): Promise<LogEntry[]> {
  let query = db
    .selectFrom('moderation_log as l')
    .leftJoin('users as a', 'a.id', 'l.actor_id')
    .leftJoin('users as t', 't.id', 'l.target_user_id')
    .leftJoin('pages as p', 'p.id', 'l.page_id')
    .select(['l.id', 'l.action', 'a.username as actor', 'p.slug', 'p.title', 'l.revision_id', 'l.report_id', 't.username as target', 'l.reason', 'l.detail', 'l.created_at'])
  if (options.action) query = query.where('l.action', '=', options.action)
  if (options.pageSlug) query = query.where('p.slug', '=', options.pageSlug)
  if (options.moderator) query = query.where('a.username_key', '=', usernameKey(options.moderator))
  if (options.before) query = query.where('l.id', '<', options.before)
  const rows = await query.orderBy('l.id', 'desc').limit(options.limit).execute()
  return rows.map((r) => ({
    id: r.id,
    action: r.action as LogAction,
    actor: r.actor,
    page: r.slug && r.title ? { slug: r.slug, title: r.title } : null,
    revisionId: r.revision_id,
    reportId: r.report_id,
    targetUser: r.target,
    reason: r.reason,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    createdAt: r.created_at,
  }))
}

/** Whether the log holds an entry of this kind about a user (e.g. an admin set their role). */
export async function hasLogEntryForUser(db: DB, action: LogAction, targetUserId: string): Promise<boolean> {
  const row = await db.selectFrom('moderation_log').select('id').where('action', '=', action).where('target_user_id', '=', targetUserId).limit(1).executeTakeFirst()
  return row !== undefined
}

export interface PageEvent {
  id: string
  action: 'page.move' | 'page.delete' | 'page.restore'
  actor: string | null
  reason: string
  from: string | null
  to: string | null
  createdAt: string
}

/** A page's moves, deletions and restorations, newest first: its history shows them beside the revisions. */
export async function listPageEvents(db: DB, pageId: string, limit = 50): Promise<PageEvent[]> {
  const rows = await db
    .selectFrom('moderation_log as l')
    .leftJoin('users as a', 'a.id', 'l.actor_id')
    .select(['l.id', 'l.action', 'a.username as actor', 'l.reason', 'l.detail', 'l.created_at'])
    .where('l.page_id', '=', pageId)
    .where('l.action', 'in', ['page.move', 'page.delete', 'page.restore'])
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => {
    const detail = r.detail ? (JSON.parse(r.detail) as { from?: unknown; to?: unknown }) : {}
    return {
      id: r.id,
      action: r.action as PageEvent['action'],
      actor: r.actor,
      reason: r.reason,
      from: typeof detail.from === 'string' ? detail.from : null,
      to: typeof detail.to === 'string' ? detail.to : null,
      createdAt: r.created_at,
    }
  })
}
