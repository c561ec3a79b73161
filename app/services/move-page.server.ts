import { validateMoveTarget, MOVE_REASON_MAX } from '#app/core/moves'
import { isUniqueViolation, lockRow, type DB } from '#app/models/db.server'
import { appendLog } from '#app/models/moderation.server'
import { recordMove } from '#app/models/page-redirects.server'
import { getPageBySlug, setPageSlug } from '#app/models/pages.server'
import { notify } from './notify.server'
import { renameProductInIndexes } from '#app/models/products.server'

export interface MovePageInput {
  actor: { id: string }
  slug: string
  to: string
  reason: string
}

export type MovePageResult =
  | { ok: true; page: { slug: string; kind: string } }
  | { ok: false; status: 404 | 409 | 422; code: string; message: string; field?: string; path?: string }

/**
 * Gives a page (or product) a new address in one transaction: the old one becomes a redirect to
 * the page, derived rows that name a product by slug follow, the move goes to the public log and
 * to whoever watches the page. An address another page holds — deleted or not — is refused.
 */
export async function movePage(db: DB, input: MovePageInput): Promise<MovePageResult> {
  const reason = input.reason.trim()
  if (reason === '') return { ok: false, status: 422, code: 'reason_required', field: 'reason', message: 'Say why the page moves (the reason is public, in the moderation log).' }
  if (reason.length > MOVE_REASON_MAX) return { ok: false, status: 422, code: 'too_long', field: 'reason', message: `A reason has at most ${MOVE_REASON_MAX} characters.` }
  const target = validateMoveTarget(input.slug, input.to)
  if (!target.ok) return { ok: false, status: 422, code: target.issues[0]!.code, field: 'to', message: target.issues[0]!.message }
  const to = target.value
  try {
    return await db.transaction().execute(async (trx): Promise<MovePageResult> => {
      const page = await getPageBySlug(trx, input.slug)
      if (!page) return { ok: false, status: 404, code: 'not_found', message: `There is no page at "${input.slug.slice(0, 80)}".` }
      await lockRow(trx, 'pages', page.id)
      const taken = await getPageBySlug(trx, to, { includeDeleted: true })
      if (taken) {
        const where = `/${taken.kind === 'product' ? 'products' : 'pages'}/${to}`
        return { ok: false, status: 409, code: 'slug_taken', field: 'to', path: where, message: `Another page already has the address ${where}${taken.deletedAt ? ' (deleted, and restorable by an admin)' : ''}; choose another.` }
      }
      await setPageSlug(trx, page.id, to)
      await recordMove(trx, { pageId: page.id, from: page.slug, to, actorId: input.actor.id })
      if (page.kind === 'product') {
        // Derived rows name products by slug; reindexing later maps old slugs through the redirects too.
        await renameProductInIndexes(trx, page.id, page.slug, to)
      }
      await appendLog(trx, { action: 'page.move', actorId: input.actor.id, pageId: page.id, reason, detail: { from: page.slug, to } })
      await notify(trx, { kind: 'move', subject: { kind: 'page', id: page.id }, actorId: input.actor.id, detail: { from: page.slug, to } }, { watchersOf: [{ kind: 'page', id: page.id }] })
      return { ok: true, page: { slug: to, kind: page.kind } }
    })
  } catch (error) {
    // Two moves onto one address at once: the unique index on pages.slug decides.
    if (isUniqueViolation(error)) return { ok: false, status: 409, code: 'slug_taken', field: 'to', message: `Another page already has the address "${to}"; choose another.` }
    throw error
  }
}
