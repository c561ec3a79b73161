import type { DB } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getUnverifiedClaim } from '#app/models/unverified-claims.server'
import { listPosts, listTalkLog, listThreads, type ThreadSummary } from '#app/models/talk.server'
import { isWatching } from '#app/models/watchlist.server'
import { isTalkKind, linkify, type TalkKind, type TextSegment } from '#app/core/talk'

export interface ResolvedSubject {
  kind: TalkKind
  id: string
  slug: string
  title: string
  /** Where the discussed item is read. */
  href: string
}

/** The page, product or claim a talk URL names, or null when there is none. */
export async function resolveTalkSubject(db: DB, kind: string, slug: string): Promise<ResolvedSubject | null> {
  if (!isTalkKind(kind)) return null
  // An unverified claim (decision 027) is named by its id: it has no slug.
  if (kind === 'claim') {
    const claim = /^[0-9a-z]{26}$/.test(slug) ? await getUnverifiedClaim(db, slug) : null
    return claim ? { kind, id: claim.id, slug: claim.id, title: `“${claim.text.length > 80 ? `${claim.text.slice(0, 79)}…` : claim.text}”`, href: `/claims/unverified#claim-${claim.id}` } : null
  }
  // A product is a page of kind "product" (decision 019): one table, two kinds of talk.
  const page = await getPageBySlug(db, slug)
  if (!page || (page.kind === 'product') !== (kind === 'product')) return null
  return { kind, id: page.id, slug: page.slug, title: page.title, href: kind === 'product' ? `/products/${page.slug}` : `/pages/${page.slug}` }
}

export interface TalkPostView {
  id: string
  author: string
  mine: boolean
  createdAt: string
  editedAt: string | null
  state: 'visible' | 'deleted' | 'hidden'
  deletedAt: string | null
  hiddenReason: string | null
  /** The text as segments (text and http links); null when the viewer may not read it. */
  segments: TextSegment[] | null
  /** The raw text, for the author's edit form only. */
  editableBody: string | null
}

export interface TalkThreadView extends Omit<ThreadSummary, 'subject'> {
  posts: TalkPostView[]
  log: { id: string; actor: string; action: string; reason: string | null; createdAt: string }[]
  watching: boolean
}

export interface Viewer {
  id: string
  moderator: boolean
}

const THREADS_PER_PAGE = 20

/**
 * Everything a talk page shows, redacted for the viewer: a deleted post shows only that it was
 * deleted; a hidden one shows the moderator's reason, and its text only to moderators.
 */
export async function getTalkView(db: DB, subject: ResolvedSubject, viewer: Viewer | null, before: { lastPostAt: string; id: string } | null) {
  const rows = await listThreads(db, subject, { limit: THREADS_PER_PAGE + 1, before })
  const threads = rows.slice(0, THREADS_PER_PAGE)
  const ids = threads.map((t) => t.id)
  const [posts, log] = await Promise.all([listPosts(db, ids), listTalkLog(db, ids)])
  const watching = viewer ? await Promise.all(threads.map((t) => isWatching(db, viewer.id, { kind: 'thread', id: t.id }))) : threads.map(() => false)
  const last = threads[threads.length - 1]
  return {
    threads: threads.map(({ subject: _subject, ...thread }, i): TalkThreadView => ({
      ...thread,
      watching: watching[i] ?? false,
      posts: posts.filter((p) => p.threadId === thread.id).map((p) => {
        const state = p.deletedAt ? 'deleted' : p.hiddenAt ? 'hidden' : 'visible'
        const readable = state === 'visible' || (state === 'hidden' && viewer?.moderator === true)
        const mine = viewer?.id === p.authorId
        return {
          id: p.id, author: p.author, mine, createdAt: p.createdAt, editedAt: p.editedAt, state, deletedAt: p.deletedAt, hiddenReason: p.hiddenReason,
          segments: readable ? linkify(p.body) : null, editableBody: mine && state === 'visible' ? p.body : null,
        }
      }),
      log: log.filter((e) => e.threadId === thread.id).map((e) => ({ id: e.id, actor: e.actor, action: e.action, reason: e.reason, createdAt: e.createdAt })),
    })),
    next: rows.length > THREADS_PER_PAGE && last ? `${last.lastPostAt}~${last.id}` : null,
  }
}

/** Reads the `before` cursor of a talk page ("lastPostAt~id"). */
export function parseThreadCursor(raw: string | null): { lastPostAt: string; id: string } | null {
  if (!raw) return null
  const [lastPostAt, id] = raw.split('~')
  if (!lastPostAt || !id || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(lastPostAt) || !/^[0-9a-z]{26}$/.test(id)) return null
  return { lastPostAt, id }
}
