import { MOVE_REASON_MAX } from '#app/core/moves'
import { lockRow, type DB } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { appendLog } from '#app/models/moderation.server'
import { getPageBySlug, setPageDeleted } from '#app/models/pages.server'

export interface DeletePageInput {
  admin: { id: string }
  slug: string
  /** true deletes, false restores. */
  deleted: boolean
  reason: string
}

export type DeletePageResult =
  | { ok: true; page: { slug: string; kind: string; deleted: boolean } }
  | { ok: false; status: 404 | 409 | 422; code: string; message: string }

/**
 * Deletes a page softly (a timestamp; every revision, talk thread and log entry stays) or
 * restores it, logged with a public reason. While deleted, the page leaves search, lists, feeds,
 * products and alternatives, and readers get 410 Gone at its address (decision 028).
 */
export async function setPageDeletion(db: DB, input: DeletePageInput): Promise<DeletePageResult> {
  const reason = input.reason.trim()
  if (reason === '') return { ok: false, status: 422, code: 'reason_required', message: 'Give a public reason (it goes to the moderation log).' }
  if (reason.length > MOVE_REASON_MAX) return { ok: false, status: 422, code: 'too_long', message: `A reason has at most ${MOVE_REASON_MAX} characters.` }
  return db.transaction().execute(async (trx): Promise<DeletePageResult> => {
    const page = await getPageBySlug(trx, input.slug, { includeDeleted: true })
    if (!page) return { ok: false, status: 404, code: 'not_found', message: `There is no page at "${input.slug.slice(0, 80)}".` }
    await lockRow(trx, 'pages', page.id)
    if ((page.deletedAt !== null) === input.deleted) {
      return { ok: false, status: 409, code: input.deleted ? 'already_deleted' : 'not_deleted', message: input.deleted ? 'The page is already deleted.' : 'The page is not deleted.' }
    }
    await setPageDeleted(trx, page.id, input.deleted ? { at: nowIso(), by: input.admin.id } : null)
    await appendLog(trx, { action: input.deleted ? 'page.delete' : 'page.restore', actorId: input.admin.id, pageId: page.id, reason })
    return { ok: true, page: { slug: page.slug, kind: page.kind, deleted: input.deleted } }
  })
}
