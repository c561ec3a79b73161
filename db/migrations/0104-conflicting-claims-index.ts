import { sql, type Kysely } from 'kysely'

// The moderation queue lists conflicting claims (listConflicts in app/models/claims.server.ts) in
// (product, metric, date) order, reading the index of all claims and skipping those not in
// conflict. At 475,000 claims, with every conflict on one product late in that order, it read
// 400,000 rows for 200: 1.3 s per queue view. This index holds the conflicting claims only.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('claims_conflicts').on('claims').columns(['product_slug', 'metric', 'sort_date', 'id']).where(sql.ref('conflict'), '=', 1).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claims_conflicts').execute()
}
