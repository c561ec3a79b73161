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
  report_reporters: ReportReportersTable
  link_checks: LinkChecksTable
  rate_limits: RateLimitsTable
  jobs: JobsTable
  security_log: SecurityLogTable
  meta: MetaTable
  page_search: PageSearchTable
  talk_threads: TalkThreadsTable
  talk_posts: TalkPostsTable
  talk_log: TalkLogTable
  watches: WatchesTable
  notifications: NotificationsTable
  email_tokens: EmailTokensTable
  product_index: ProductIndexTable
  product_names: ProductNamesTable
  product_links: ProductLinksTable
  comparison_subjects: ComparisonSubjectsTable
  page_categories: PageCategoriesTable
  category_counts: CategoryCountsTable
  page_sources: PageSourcesTable
  page_redirects: PageRedirectsTable
  metrics: MetricsTable
  claims: ClaimsTable
  unverified_claims: UnverifiedClaimsTable
  unverified_claim_events: UnverifiedClaimEventsTable
}

interface UsersTable {
  id: string
  username: string
  /** NFKC + lower case: the uniqueness key, so "Alice" and "alice" are one account. */
  username_key: string
  password_hash: string | null
  role: string
  created_at: string
  blocked_until: string | null
  block_reason: string | null
  /** A verified address (migration 0032); null until one is verified. */
  email: Generated<string | null>
  /** NFKC + lower case of `email`: one account per address. */
  email_key: Generated<string | null>
  email_verified_at: Generated<string | null>
  /** JSON array of the notification kinds the person wants by mail. */
  mail_kinds: Generated<string>
  /** immediate | daily */
  mail_mode: Generated<string>
  /** For unsubscribe links that work without signing in. */
  mail_unsubscribe_key: Generated<string | null>
  /** When the last daily digest was sent. */
  mail_digest_at: Generated<string | null>
  /** The language mail is written in: the interface language when the address was set. */
  mail_lang: Generated<string>
}

interface SessionsTable {
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

interface ApiTokensTable {
  id: string
  user_id: string
  name: string
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

interface PagesTable {
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
  /** `comparison` or `product` (migration 0020, decision 019). */
  kind: Generated<string>
  /** Set while an admin has deleted the page (migration 0060): readers get 410, nothing is removed. */
  deleted_at: Generated<string | null>
  deleted_by: Generated<string | null>
}

interface RevisionsTable {
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
  /** 1 while a moderator hides the snapshot from everyone but admins (migration 0060). */
  content_hidden: Generated<number>
  /** 1 while a moderator hides the edit summary. */
  summary_hidden: Generated<number>
}

interface SourcesTable {
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
  /** Derived: how many pages cite the source in their stable revision (page_sources). */
  citing_pages: Generated<number>
}

export interface FiguresTable {
  id: string
  revision_id: string
  page_id: string
  ordinal: number
  text: string
  value: number | null
  unit: string | null
  /** A slug of the metric registry, or the words of an unregistered metric. */
  metric: string | null
  /** The written definition an unregistered metric comes with (migration 0050). */
  metric_definition: string | null
  /** The slug of the product the figure is about (migration 0050). */
  product: string | null
  /** YYYY, YYYY-MM, YYYY-MM-DD, or 'undated' when the source gives no date (app/core/as-of.ts). */
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

interface ModerationDecisionsTable {
  id: string
  revision_id: string
  moderator_id: string
  decision: string
  reason: string
  created_at: string
}

interface ModerationLogTable {
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

interface ReportsTable {
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
  /** JSON: what the claim said (quotes) when a moderator upheld the report (migration 0010). */
  upheld_claims: string | null
  /** The published revision that changed the upheld claim, ending the dispute. */
  fixed_by_revision_id: string | null
  fixed_at: string | null
}

/** Each reporter behind a report, once (migration 0010). */
interface ReportReportersTable {
  id: string
  report_id: string
  /** `user:<id>`, or `ip:<hash>` for an anonymous reader. */
  reporter_key: string
  /** 1 when the reporter was trusted, a moderator or an admin when reporting. */
  trusted: number
  created_at: string
}

interface LinkChecksTable {
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

interface RateLimitsTable {
  /** e.g. "login:alice:203.0.113.7" */
  bucket: string
  window_start: string
  count: number
}

interface JobsTable {
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

interface SecurityLogTable {
  id: string
  event: string
  user_id: string | null
  username: string | null
  ip: string | null
  detail: string | null
  created_at: string
}

/** Derived: the searchable text of each page's stable revision (FTS5 or tsvector). */
interface PageSearchTable {
  page_id: string
  title: string
  summary: string
  body: string
}

/** A discussion beside a page (or, later, a product or claim): DESIGN.md "Working together". */
interface TalkThreadsTable {
  id: string
  subject_kind: string
  subject_id: string
  title: string
  author_id: string
  /** open | closed */
  status: string
  close_reason: string | null
  closed_by: string | null
  closed_at: string | null
  post_count: Generated<number>
  last_post_at: string
  created_at: string
}

interface TalkPostsTable {
  id: string
  thread_id: string
  author_id: string
  /** Plain text; links are recognised when shown, never stored as HTML. */
  body: string
  created_at: string
  edited_at: string | null
  deleted_at: string | null
  hidden_at: string | null
  hidden_by: string | null
  hidden_reason: string | null
}

/** Every edit, deletion, closing and hiding in talk, with the text it replaced. */
interface TalkLogTable {
  id: string
  thread_id: string
  post_id: string | null
  actor_id: string
  action: string
  reason: string | null
  previous_body: string | null
  created_at: string
}

interface WatchesTable {
  user_id: string
  subject_kind: string
  subject_id: string
  created_at: string
  /** When the person last looked at the watched item: the watchlist shows what changed since. */
  last_seen_at: string
}

interface NotificationsTable {
  id: string
  user_id: string
  /** revision | decision | reply | report */
  kind: string
  subject_kind: string
  subject_id: string
  actor_id: string | null
  revision_id: string | null
  thread_id: string | null
  /** JSON with what the notification says (a decision and its reason, a thread title…). */
  detail: string | null
  read_at: string | null
  created_at: string
}

/** Single-use tokens sent by mail; only their SHA-256 is stored. */
interface EmailTokensTable {
  id: string
  user_id: string
  /** verify | reset */
  purpose: string
  token_hash: string
  /** The address the token was sent to (for `verify`: the address being verified). */
  email: string
  expires_at: string
  used_at: string | null
  created_at: string
}

/** Derived (migration 0020): the facts of each product's stable revision, for lists and filters. */
export interface ProductIndexTable {
  page_id: string
  slug: string
  name: string
  summary: string
  kind: string
  license: string
  vendor: string
  homepage: string
  repository: string
  hosting: string
  /** JSON list of aliases. */
  aliases: string
  /** Space-delimited, with a space at each end: " AGPL-3.0-only ". */
  license_ids: string
  families: string
  categories: string
  search_text: string
  updated_at: string
}

interface ProductNamesTable {
  name_key: string
  page_id: string
}

interface ProductLinksTable {
  page_id: string
  to_slug: string
}

interface ComparisonSubjectsTable {
  page_id: string
  side: string
  product_slug: string | null
  name_key: string
}

interface PageCategoriesTable {
  page_id: string
  category: string
  /** The page's kind and its stable revision's title: a category's listing is read in (kind, title) order from the index. */
  kind: string
  title: string
}

/** Derived: how many pages each category holds, moved with every filing. */
interface CategoryCountsTable {
  category: string
  pages: number
}

/** Derived: the sources each page's stable revision cites (figures and citations). */
interface PageSourcesTable {
  page_id: string
  source_id: string
}

/** Addresses a page has left (migration 0060): each answers 301 to the page's current address. */
interface PageRedirectsTable {
  from_slug: string
  page_id: string
  created_by: string | null
  created_at: string
}

/**
 * Derived (migration 0051): every cited figure of a stable revision that names a product and a
 * metric — a claim (decision 027). Rebuilt whenever a page's stable revision moves.
 */
interface ClaimsTable {
  id: string
  page_id: string
  revision_id: string
  ordinal: number
  product_slug: string
  metric: string
  text: string
  value: number
  unit: string | null
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when undated. */
  as_of: string | null
  undated: number
  /** as_of, or for an undated claim its source's publication date; '' when neither is known. */
  sort_date: string
  source_id: string
  quote: string | null
  /** 1 while another claim of its product and metric in the same period gives another value. */
  conflict: Generated<number>
}

/** A claim seen without a source, and how it was settled (migration 0051). */
interface UnverifiedClaimsTable {
  id: string
  text: string
  /** Where it was seen: a URL or words ("a forum post on …"). */
  seen_at: string
  product_slug: string | null
  metric: string | null
  /** open | verified | contradicted | no-source */
  status: string
  created_by: string
  created_at: string
  settled_by: string | null
  settled_at: string | null
  note: string | null
  figure_page_id: string | null
  figure_revision_id: string | null
  figure_ordinal: number | null
  figure_text: string | null
  figure_source_id: string | null
}

/** Every step of an unverified claim, public. */
interface UnverifiedClaimEventsTable {
  id: string
  claim_id: string
  actor_id: string
  /** recorded | verified | contradicted | no-source | reopened */
  action: string
  note: string | null
  /** JSON: the figure linked, when one was. */
  detail: string | null
  created_at: string
}

interface MetaTable {
  key: string
  value: string
}

/** The metric registry (migration 0050, decision 026). */
export interface MetricsTable {
  slug: string
  name_en: string
  name_de: string
  name_fr: string
  definition_en: string
  definition_de: string
  definition_fr: string
  unit_en: string
  unit_de: string
  unit_fr: string
  /** people | activity | money | duration | share | count (app/core/metrics.ts). */
  quantity: string
  /** JSON list of the slugs it may be compared with. */
  comparable_with: string
  created_at: string
}
