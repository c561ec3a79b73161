import type { ProtectionInput } from '#app/core/protection'
import { lockRow, type DB } from '#app/models/db.server'
import { appendLog } from '#app/models/moderation.server'
import { getPageBySlug, setPageProtection } from '#app/models/pages.server'

export type ProtectPageResult = { ok: true; page: { slug: string } } | { ok: false; status: 404; code: 'not_found'; message: string }

/**
 * Sets or lifts a page's protection (who may edit it), with a public reason and an optional
 * expiry, and logs it. `saveRevision` enforces it through `protectionInForce` (core).
 */
export async function protectPage(db: DB, input: { moderator: { id: string }; slug: string; protection: ProtectionInput }): Promise<ProtectPageResult> {
  return db.transaction().execute(async (trx) => {
    const page = await getPageBySlug(trx, input.slug)
    if (!page) return { ok: false, status: 404, code: 'not_found', message: 'There is no such page.' }
    await lockRow(trx, 'pages', page.id)
    const { level, reason, expiresAt } = input.protection
    await setPageProtection(trx, page.id, { level, reason: level === null ? null : reason, expiresAt })
    await appendLog(trx, {
      action: level === null ? 'page.unprotect' : 'page.protect',
      actorId: input.moderator.id,
      pageId: page.id,
      reason,
      detail: level === null ? { previous: page.protection } : { level, expiresAt },
    })
    return { ok: true, page: { slug: page.slug } }
  })
}
