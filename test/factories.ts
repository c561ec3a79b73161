import type { Kysely } from 'kysely'
import { hashPassword } from '#app/auth/password.server'
import type { Role } from '#app/core/roles'
import { newId, nowIso } from '#app/models/ids.server'
import { getPageBySlug } from '#app/models/pages.server'
import { insertSource } from '#app/models/sources.server'
import { insertUser } from '#app/models/users.server'
import { sourceUrlKey } from '#app/core/source-url'
import type { DocNode, PageContent } from '#app/core/content'
import { createReport as fileReport } from '#app/services/create-report.server'
import { saveRevision, type SaveRevisionInput } from '#app/services/save-revision.server'
import type { Database } from '#db/schema'
import { content, doc, p, text } from './fixtures/docs'

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
let pages = 0

/**
 * A page of its own for one test, so no test depends on pages another made: created by a trusted
 * author (or `author`), hence published at once unless its content holds back the revision.
 */
export async function createPage(db: Kysely<Database>, options: { author?: Author; title?: string; body?: DocNode; content?: Partial<PageContent>; summary?: string } = {}) {
  const author = options.author ?? (await createUser(db, { role: 'trusted' }))
  const title = options.title ?? `Factory page ${newId().slice(-10).toLowerCase()} ${++pages}`
  const saved = await saveRevision(db, {
    actor: author, slug: null, baseRevisionId: null, summary: options.summary ?? 'new', idempotencyKey: null,
    content: content(options.body ?? doc(p(text('Plain words about two products.'))), { ...options.content, title }),
  })
  if (!saved.ok) throw new Error(`createPage failed: ${JSON.stringify(saved)}`)
  return { slug: saved.page.slug, pageId: saved.page.id, revisionId: saved.revision.id, status: saved.revision.status, author }
}

/** A revision on an existing page, based on its latest revision unless `baseRevisionId` is given. */
export async function createRevision(db: Kysely<Database>, page: { slug: string }, options: { author: Author; body: DocNode; title?: string; baseRevisionId?: string; summary?: string }) {
  const current = await getPageBySlug(db, page.slug)
  if (!current) throw new Error(`createRevision: no page ${page.slug}`)
  const saved = await saveRevision(db, {
    actor: options.author, slug: page.slug, baseRevisionId: options.baseRevisionId ?? current.latestRevisionId, summary: options.summary ?? 'edit', idempotencyKey: null,
    content: content(options.body, { title: options.title ?? current.title }),
  })
  if (!saved.ok) throw new Error(`createRevision failed: ${JSON.stringify(saved)}`)
  return saved.revision
}

let reports = 0

/**
 * A reader's report on a page's figure or citation (the report form's fields). Anonymous reports
 * come from a new documentation address each time, so a file's reports never hit the per-address limit.
 */
export async function createReport(db: Kysely<Database>, page: { slug: string; revisionId: string }, fields: { target: 'figure' | 'citation'; ordinal?: number; reason?: string; comment?: string }, reporter: { id: string } | null = null) {
  const filed = await fileReport(db, {
    reporter, ip: reporter ? null : `198.51.100.${++reports % 250}`, slug: page.slug,
    fields: { revisionId: page.revisionId, target: fields.target, ordinal: String(fields.ordinal ?? 0), reason: fields.reason ?? 'outdated', comment: fields.comment ?? '' },
  })
  if (!filed.ok) throw new Error(`createReport failed: ${JSON.stringify(filed)}`)
  return filed
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
