import type { Generated } from 'kysely'

/**
 * The one database schema, for SQLite and PostgreSQL alike. Columns are portable (STYLE.md §11):
 * ids are text made by the app, timestamps ISO-8601 UTC text, JSON as text, enums as text,
 * booleans as integer 0/1.
 */
export interface Database {
  users: UsersTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  pages: PagesTable
  revisions: RevisionsTable
  sources: SourcesTable
  figures: FiguresTable
  citations: CitationsTable
  findings: FindingsTable
  moderation_decisions: ModerationDecisionsTable
  moderation_log: ModerationLogTable
  reports: ReportsTable
  link_checks: LinkChecksTable
  rate_limits: RateLimitsTable
  jobs: JobsTable
  security_log: SecurityLogTable
  meta: MetaTable
  page_search: PageSearchTable
}

export interface UsersTable {
  id: string
  username: string
  /** NFKC + lower case: the uniqueness key, so "Alice" and "alice" are one account. */
  username_key: string
  password_hash: string | null
  role: string
  created_at: string
  blocked_until: string | null
  block_reason: string | null
}

export interface SessionsTable {
  id: string
  user_id: string
  /** Sliding expiry, pushed forward while the session is used. */
  expires_at: string
  /** Absolute lifetime: the session ends then however active it is. */
  absolute_expires_at: string
  created_at: string
  /** The address of the last request (updated when it changes). */
  ip: string | null
  user_agent: string | null
  /** Last request, to within a few minutes (the account page shows it). */
  last_seen_at: string | null
}

export interface ApiTokensTable {
  id: string
  user_id: string
  name: string
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

export interface PagesTable {
  id: string
  slug: string
  title: string
  summary: string
  lang: string
  /** The last approved revision: what anonymous readers see. Null until one is approved. */
  stable_revision_id: string | null
  /** The head of the linear history (conflict revisions stay off it). */
  latest_revision_id: string
  featured: number
  created_at: string
  updated_at: string
  protection: string | null
  protection_reason: string | null
  protection_expires_at: string | null
}

export interface RevisionsTable {
  id: string
  page_id: string
  /** The previous revision in the page's linear history (null for the first). */
  parent_id: string | null
  /** The revision the editor started from; differs from parent_id after a merge. */
  base_revision_id: string | null
  author_id: string
  summary: string
  status: string
  /** The full PageContent snapshot as JSON. Never updated (STYLE.md §10). */
  content: string
  content_hash: string
  size: number
  created_at: string
  idempotency_key: string | null
  /** Hash of the request that created the revision under `idempotency_key` (migration 0005). */
  idempotency_fingerprint: string | null
  /** Set when the revision restores an earlier one. */
  restores_revision_id: string | null
  uncited_count: number
  finding_count: number
  risk_score: number
}

export interface SourcesTable {
  id: string
  url: string
  /** Normalised URL: sources are de-duplicated on it. */
  url_key: string
  title: string
  publisher: string
  published_at: string | null
  kind: string
  lang: string | null
  archive_url: string | null
  created_at: string
  created_by: string | null
  link_status: string | null
  link_http_status: number | null
  link_checked_at: string | null
}

export interface FiguresTable {
  id: string
  revision_id: string
  page_id: string
  ordinal: number
  text: string
  value: number | null
  unit: string | null
  metric: string | null
  as_of: string | null
  source_id: string | null
  quote: string | null
  /** 1 when the editor attached a figure mark; 0 for a number found in the text without one. */
  marked: number
  cited: number
  quote_shows_figure: number
  start_offset: number
  end_offset: number
}

export interface CitationsTable {
  id: string
  revision_id: string
  page_id: string
  ordinal: number
  source_id: string | null
  quote: string | null
  locator: string | null
}

export interface FindingsTable {
  id: string
  revision_id: string
  kind: string
  category: string | null
  text: string
  start_offset: number | null
  end_offset: number | null
  message: string
}

export interface ModerationDecisionsTable {
  id: string
  revision_id: string
  moderator_id: string
  decision: string
  reason: string
  created_at: string
}

export interface ModerationLogTable {
  id: string
  action: string
  actor_id: string | null
  page_id: string | null
  revision_id: string | null
  report_id: string | null
  target_user_id: string | null
  reason: string
  detail: string | null
  created_at: string
}

export interface ReportsTable {
  id: string
  page_id: string
  revision_id: string
  /** Identifies the reported figure or citation across revisions (see app/core/evidence-key.ts). */
  target_key: string
  target_text: string
  source_id: string | null
  reason: string
  comment: string
  reporter_id: string | null
  status: string
  resolution_note: string | null
  resolved_by: string | null
  resolved_at: string | null
  created_at: string
  /** Readers who reported the same target for the same reason while this report was open (migration 0004). */
  reporter_count: Generated<number>
}

export interface LinkChecksTable {
  id: string
  source_id: string
  checked_at: string
  status: string
  http_status: number | null
  final_url: string | null
  reason: string | null
  /** JSON: [{ quote, found }] for every quote citing the source at check time. */
  quote_results: string
}

export interface RateLimitsTable {
  /** e.g. "login:alice:203.0.113.7" */
  bucket: string
  window_start: string
  count: number
}

export interface JobsTable {
  id: string
  kind: string
  /** At most one unfinished job per key (e.g. "check-source:ID"). */
  dedupe_key: string | null
  payload: string
  run_at: string
  attempts: number
  locked_by: string | null
  locked_until: string | null
  last_error: string | null
  done_at: string | null
  created_at: string
}

export interface SecurityLogTable {
  id: string
  event: string
  user_id: string | null
  username: string | null
  ip: string | null
  detail: string | null
  created_at: string
}

/** Derived: the searchable text of each page's stable revision (FTS5 or tsvector). */
export interface PageSearchTable {
  page_id: string
  title: string
  summary: string
  body: string
}

export interface MetaTable {
  key: string
  value: string
}
