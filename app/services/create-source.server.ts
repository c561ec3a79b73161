import { sourceUrlKey } from '#app/core/source-url'
import { validateSourceInput } from '#app/core/source-input'
import type { Issue } from '#app/core/result'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getSourceByUrlKey, insertSource, type Source } from '#app/models/sources.server'

export type CreateSourceResult = { ok: true; created: boolean; source: Source } | { ok: false; issues: Issue[] }

/**
 * Registers a source, or returns the one already known under the same normalised URL: sources are
 * global and de-duplicated, so every page citing a document points at one record.
 */
export async function createSource(db: DB, input: unknown, createdBy: string | null): Promise<CreateSourceResult> {
  const validated = validateSourceInput(input)
  if (!validated.ok) return validated
  const urlKey = sourceUrlKey(validated.value.url)!
  const existing = await getSourceByUrlKey(db, urlKey)
  if (existing) return { ok: true, created: false, source: existing }
  const id = newId()
  try {
    await insertSource(db, { id, urlKey, ...validated.value, createdAt: nowIso(), createdBy })
  } catch (error) {
    // Two editors adding the same URL at once: the unique key decides, and both get the one source.
    const raced = await getSourceByUrlKey(db, urlKey)
    if (raced) return { ok: true, created: false, source: raced }
    throw error
  }
  return { ok: true, created: true, source: (await getSourceByUrlKey(db, urlKey))! }
}
