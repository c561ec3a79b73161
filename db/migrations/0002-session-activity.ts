import type { Kysely } from 'kysely'

// Frozen (STYLE.md §12). The account page lists a person's sessions with when each was last used;
// the security log gets an index for the per-user view on the admin pages.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute()
  await db.schema.createIndex('security_log_user_id').on('security_log').columns(['user_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('security_log_user_id').execute()
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute()
}
