import type { Kysely } from 'kysely'

// A metric's page lists the figures of stable revisions that use it (figuresUsingMetric in
// app/models/metrics.server.ts). Without an index on the metric it read every figure of every
// revision that used it and sorted them: 165 ms at 1,000,000 revisions, against 10 at 1,000.
// Walked newest first through this index, each figure's page probed, fifty cost the same at
// any size.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('figures_metric_revision').on('figures').columns(['metric', 'revision_id', 'ordinal']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('figures_metric_revision').execute()
}
