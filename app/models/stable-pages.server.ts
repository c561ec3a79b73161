import { sql } from 'kysely'
import { engineOf, type DB } from './db.server'

interface PageRef {
  slug: string
  title: string
  kind: string
}

/**
 * The live page whose stable revision holds a row of `alias` (a figure or citation, by its
 * `revision_id`), joined as table `p`. Such rows are walked newest first, each needing one page.
 * With a plain join PostgreSQL's planner merged them with every page in stable-revision order
 * instead: 8,000 pages read for fifty uses of a source at 100,000 pages (docs/performance.md). A
 * lateral lookup (its LIMIT keeps the planner from flattening it) probes the page per row. SQLite
 * has no LATERAL; callers join `table` with CROSS JOIN and put `on` in WHERE, which SQLite takes as
 * "keep this join order": once ANALYZE had counted the figures, its planner scanned all 100,000
 * pages first and sorted what matched (315 ms for a metric's page).
 */
export function stablePageOf(db: DB, alias: 'f' | 'c') {
  const revision = sql.ref(`${alias}.revision_id`)
  return engineOf(db) === 'postgres'
    ? { table: sql<PageRef>`lateral (select slug, title, kind from pages where stable_revision_id = ${revision} and deleted_at is null limit 1)`.as('p'), on: sql<boolean>`true` }
    : { table: sql<PageRef>`pages`.as('p'), on: sql<boolean>`p.stable_revision_id = ${revision} and p.deleted_at is null` }
}
