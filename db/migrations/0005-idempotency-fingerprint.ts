import type { Kysely } from 'kysely'

// Frozen (STYLE.md §12). An Idempotency-Key replays the revision it first created; the fingerprint
// of the request that created it lets a key reused for a *different* request be refused (422, as
// the IETF Idempotency-Key draft recommends) instead of silently answering with another edit.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').addColumn('idempotency_fingerprint', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').dropColumn('idempotency_fingerprint').execute()
}
