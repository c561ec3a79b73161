import type { Kysely } from 'kysely'

// A pending revision's review weighs each of its figures against the published claims of the same
// product, metric and period (periodValues in app/models/claims.server.ts). It read every claim of
// the product and metric, up to 2,000 with their page and source: 1.7 s on PostgreSQL for a
// product cited by 95,000 pages. Through this index it walks the distinct (as-of, value) pairs of
// the figure's year one seek at a time, counts each pair within the index, and reads the claims it
// shows in id order from it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('claims_period').on('claims').columns(['product_slug', 'metric', 'as_of', 'value', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claims_period').execute()
}
