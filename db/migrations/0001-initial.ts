import { sql, type Kysely } from 'kysely'

// Frozen: never edit a landed migration, add a new one (STYLE.md §12). Migrations never import
// app code, so they keep meaning what they meant when they landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .addColumn('block_reason', 'text')
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('api_tokens_user_id').on('api_tokens').column('user_id').execute()

  // pages.latest_revision_id and pages.stable_revision_id point into revisions, whose rows point
  // back to pages: no foreign key on those two, so a page and its first revision can be inserted
  // in one transaction on both engines without deferred constraints.
  await db.schema
    .createTable('pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('stable_revision_id', 'text')
    .addColumn('latest_revision_id', 'text', (c) => c.notNull())
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('protection', 'text')
    .addColumn('protection_reason', 'text')
    .addColumn('protection_expires_at', 'text')
    .execute()
  await db.schema.createIndex('pages_updated_at').on('pages').column('updated_at').execute()

  await db.schema
    .createTable('revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('parent_id', 'text', (c) => c.references('revisions.id'))
    .addColumn('base_revision_id', 'text', (c) => c.references('revisions.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('restores_revision_id', 'text', (c) => c.references('revisions.id'))
    .addColumn('uncited_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finding_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('risk_score', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('revisions_page_history').on('revisions').columns(['page_id', 'id']).execute()
  await db.schema.createIndex('revisions_author').on('revisions').columns(['author_id', 'id']).execute()
  await db.schema.createIndex('revisions_status').on('revisions').columns(['status', 'id']).execute()
  await db.schema
    .createIndex('revisions_idempotency')
    .on('revisions')
    .columns(['author_id', 'idempotency_key'])
    .unique()
    .execute()

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('url_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('archive_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('link_status', 'text')
    .addColumn('link_http_status', 'integer')
    .addColumn('link_checked_at', 'text')
    .execute()

  await db.schema
    .createTable('figures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('metric', 'text')
    .addColumn('as_of', 'text')
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('quote', 'text')
    .addColumn('marked', 'integer', (c) => c.notNull())
    .addColumn('cited', 'integer', (c) => c.notNull())
    .addColumn('quote_shows_figure', 'integer', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('figures_revision').on('figures').columns(['revision_id', 'ordinal']).execute()
  await db.schema.createIndex('figures_source').on('figures').column('source_id').execute()

  await db.schema
    .createTable('citations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('quote', 'text')
    .addColumn('locator', 'text')
    .execute()
  await db.schema.createIndex('citations_revision').on('citations').columns(['revision_id', 'ordinal']).execute()
  await db.schema.createIndex('citations_source').on('citations').column('source_id').execute()

  await db.schema
    .createTable('findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer')
    .addColumn('end_offset', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('findings_revision').on('findings').column('revision_id').execute()

  await db.schema
    .createTable('moderation_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One decision per revision, enforced by the database: the second of two racing moderators
    // fails here even if both passed the status check.
    .addColumn('revision_id', 'text', (c) => c.notNull().unique().references('revisions.id'))
    .addColumn('moderator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('page_id', 'text', (c) => c.references('pages.id'))
    .addColumn('revision_id', 'text', (c) => c.references('revisions.id'))
    .addColumn('report_id', 'text')
    .addColumn('target_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('moderation_log_id').on('moderation_log').columns(['action', 'id']).execute()

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('target_text', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('reports_page_target').on('reports').columns(['page_id', 'target_key', 'status']).execute()
  await db.schema.createIndex('reports_status').on('reports').columns(['status', 'id']).execute()

  await db.schema
    .createTable('link_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('final_url', 'text')
    .addColumn('reason', 'text')
    .addColumn('quote_results', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('link_checks_source').on('link_checks').columns(['source_id', 'id']).execute()

  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'window_start'])
    .execute()

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('jobs_due').on('jobs').columns(['done_at', 'run_at']).execute()
  await db.schema
    .createIndex('jobs_dedupe_open')
    .on('jobs')
    .column('dedupe_key')
    .unique()
    .where(sql.ref('done_at'), 'is', null)
    .execute()

  await db.schema
    .createTable('security_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('username', 'text')
    .addColumn('ip', 'text')
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('security_log_id').on('security_log').column('id').execute()

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'meta', 'security_log', 'jobs', 'rate_limits', 'link_checks', 'reports', 'moderation_log',
    'moderation_decisions', 'findings', 'citations', 'figures', 'sources', 'revisions', 'pages',
    'api_tokens', 'sessions', 'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
