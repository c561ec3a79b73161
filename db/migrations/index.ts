import type { Migration, MigrationProvider } from 'kysely'
import * as m0001 from './0001-initial'
import * as m0002 from './0002-session-activity'
import * as m0004 from './0004-report-collapse'
import * as m0005 from './0005-idempotency-fingerprint'
import * as m0006 from './0006-page-search'
import * as m0010 from './0010-report-reporters'
import * as m0020 from './0020-products'
import * as m0021 from './0021-subjects-to-products'
import * as m0031 from './0031-working-together'
import * as m0032 from './0032-mail'
import * as m0040 from './0040-content-notify'
import * as m0041 from './0041-content-notify-more'
import * as m0050 from './0050-metrics'
import * as m0051 from './0051-claims'
import * as m0060 from './0060-moves-and-suppression'
import * as m0070 from './0070-scale-indexes'
import * as m0080 from './0080-source-citing-pages'
import * as m0090 from './0090-deleted-pages-index'
import * as m0100 from './0100-search-comparisons-only'
import * as m0101 from './0101-product-search-index'
import * as m0102 from './0102-search-recency'
import * as m0103 from './0103-product-trigram-index'
import * as m0104 from './0104-conflicting-claims-index'
import * as m0105 from './0105-figures-by-metric'
import * as m0106 from './0106-claims-by-period'
import * as m0107 from './0107-category-listing'
import * as m0108 from './0108-queue-counts'

/**
 * The static list of migrations. Kysely's FileMigrationProvider imports files at run time, which
 * the bundled server cannot do (STACK.md), so every migration is listed here in order.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-session-activity': m0002,
  '0004-report-collapse': m0004,
  '0005-idempotency-fingerprint': m0005,
  '0006-page-search': m0006,
  '0010-report-reporters': m0010,
  '0020-products': m0020,
  '0021-subjects-to-products': m0021,
  '0031-working-together': m0031,
  '0032-mail': m0032,
  '0040-content-notify': m0040,
  '0041-content-notify-more': m0041,
  '0050-metrics': m0050,
  '0051-claims': m0051,
  '0060-moves-and-suppression': m0060,
  '0070-scale-indexes': m0070,
  '0080-source-citing-pages': m0080,
  '0090-deleted-pages-index': m0090,
  '0100-search-comparisons-only': m0100,
  '0101-product-search-index': m0101,
  '0102-search-recency': m0102,
  '0103-product-trigram-index': m0103,
  '0104-conflicting-claims-index': m0104,
  '0105-figures-by-metric': m0105,
  '0106-claims-by-period': m0106,
  '0107-category-listing': m0107,
  '0108-queue-counts': m0108,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
