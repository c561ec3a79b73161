import type { DB } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import type { RevisionStatus } from '#app/core/content'
import { addWatch } from '#app/models/watchlist.server'
import { notify } from './notify.server'

/**
 * After a save, in its transaction: the author follows the page (saving an edit follows it, as
 * on MediaWiki), and the page's other watchers are told of the new revision.
 */
export async function followRevision(db: DB, saved: { pageId: string; revisionId: string; parentId: string | null; status: RevisionStatus; authorId: string }): Promise<void> {
  await addWatch(db, saved.authorId, { kind: 'page', id: saved.pageId }, nowIso())
  await notify(
    db,
    { kind: 'revision', subject: { kind: 'page', id: saved.pageId }, actorId: saved.authorId, revisionId: saved.revisionId, detail: { parentId: saved.parentId, status: saved.status } },
    { watchersOf: [{ kind: 'page', id: saved.pageId }] },
  )
}
