import type { Kysely } from 'kysely'
import { hashPassword } from '#app/auth/password.server'
import type { DocNode, PageContent, RevisionStatus } from '#app/core/content'
import type { ReportReason } from '#app/core/reports'
import type { Role } from '#app/core/roles'
import { newId, nowIso } from '#app/models/ids.server'
import { getPageBySlug } from '#app/models/pages.server'
import { createReport, type CreateReportInput } from '#app/services/create-report.server'
import { saveRevision, type SaveRevisionInput, type SaveRevisionResult } from '#app/services/save-revision.server'
import { insertSource } from '#app/models/sources.server'
import { insertUser } from '#app/models/users.server'
import { sourceUrlKey } from '#app/core/source-url'
import type { Database } from '#db/schema'
import { content as pageContent, doc, p, text } from './fixtures/docs'

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined

/** A user with TEST_PASSWORD; `createdAt` lets a test make an account look old. */
export async function createUser(db: Kysely<Database>, options: { role?: Role; username?: string; createdAt?: string } = {}) {
  const id = newId()
  const username = options.username ?? `user-${id.slice(-8)}`
  await insertUser(db, { id, username, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)), role: options.role ?? 'editor', createdAt: options.createdAt ?? nowIso() })
  return { id, username, role: options.role ?? 'editor', blockedUntil: null }
}

export async function createSource(db: Kysely<Database>, options: { url?: string; kind?: 'official' | 'press' | 'vendor' } = {}) {
  const id = newId()
  const url = options.url ?? `https://example.org/report-${id}`
  await insertSource(db, { id, url, urlKey: sourceUrlKey(url)!, title: 'A report', publisher: 'Example', publishedAt: '2025', kind: options.kind ?? 'press', lang: 'en', archiveUrl: null, createdAt: nowIso(), createdBy: null })
  return { id, url }
}

type Author = SaveRevisionInput['actor']
type SavedRevision = Extract<SaveRevisionResult, { ok: true }>

/**
 * What a page's or revision's snapshot is: `content` as it is (a whole snapshot, sent as is), or
 * built by content() of test/fixtures/docs.ts from `body` (one plain paragraph unless given),
 * `title` and any other `fields`.
 */
interface RevisionInput {
  title?: string
  body?: DocNode
  fields?: Partial<Omit<PageContent, 'body' | 'title'>>
  content?: unknown
  summary?: string
  idempotencyKey?: string | null
  /** The status the save must give the revision (the service decides it; this only checks). */
  status?: RevisionStatus
}

function snapshot(input: RevisionInput): unknown {
  if (input.content !== undefined) return input.content
  return pageContent(input.body ?? doc(p(text('A paragraph.'))), { ...input.fields, ...(input.title !== undefined ? { title: input.title } : {}) })
}

function saved(result: SaveRevisionResult, input: RevisionInput, what: string): SavedRevision {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`)
  if (input.status && result.revision.status !== input.status) throw new Error(`${what}: the revision is ${result.revision.status}, not ${input.status}`)
  return result
}

/**
 * A new page, saved by `author` through the real save service (so its revision, evidence and
 * findings rows are what the app makes): a trusted author's clean page is published, an editor's
 * is pending. Throws unless it is saved (and, with `status`, saved with that status).
 */
export async function createPage(db: Kysely<Database>, author: Author, input: RevisionInput = {}): Promise<SavedRevision> {
  const result = await saveRevision(db, { actor: author, slug: null, baseRevisionId: null, content: snapshot(input), summary: input.summary ?? '', idempotencyKey: input.idempotencyKey ?? null })
  return saved(result, input, 'creating a page')
}

/**
 * A revision of the page `slug` by `author`, through the real save service, started from `base`
 * (a revision id; the page's latest revision unless given). Throws unless it is saved.
 */
export async function createRevision(db: Kysely<Database>, author: Author, slug: string, input: RevisionInput & { base?: string } = {}): Promise<SavedRevision> {
  const base = input.base ?? (await getPageBySlug(db, slug))?.latestRevisionId ?? null
  const result = await saveRevision(db, { actor: author, slug, baseRevisionId: base, content: snapshot(input), summary: input.summary ?? '', idempotencyKey: input.idempotencyKey ?? null })
  return saved(result, input, `saving a revision of ${slug}`)
}

let reportAddress = 0

/**
 * A reader's report of a figure (or, with `target: 'citation'`, a citation) of a revision,
 * through the real report service. Anonymous unless `reporter` is given, each from an address of
 * its own unless `ip` is. Throws unless the report is made.
 */
export async function createClaimReport(
  db: Kysely<Database>,
  input: { slug: string; revisionId: string; target?: 'figure' | 'citation'; ordinal?: number; reason?: ReportReason; comment?: string; reporter?: CreateReportInput['reporter']; ip?: string | null },
) {
  const fields = { revisionId: input.revisionId, target: input.target ?? 'figure', ordinal: String(input.ordinal ?? 0), reason: input.reason ?? 'outdated', comment: input.comment ?? '' }
  const result = await createReport(db, { reporter: input.reporter ?? null, ip: input.ip !== undefined ? input.ip : `192.0.2.${(reportAddress++ % 250) + 1}`, slug: input.slug, fields })
  if (!result.ok) throw new Error(`reporting failed: ${JSON.stringify(result)}`)
  return result
}

/** Signs in through the login form of a running server and returns the session cookie. */
export async function login(baseUrl: string, username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, redirectTo: '/' }),
  })
  const cookie = response.headers.get('set-cookie')
  if (response.status !== 302 || !cookie) throw new Error(`login failed for ${username}: ${response.status}`)
  return cookie.split(';')[0]!
}
