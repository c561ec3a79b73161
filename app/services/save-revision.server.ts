import { analyseContent, type ContentAnalysis, type Finding } from '#app/core/analyse'
import type { DocNode, PageContent, RevisionStatus } from '#app/core/content'
import { validateContent } from '#app/core/document'
import { diffEvidence, sourcesDropped } from '#app/core/evidence-diff'
import { mergeContent } from '#app/core/merge'
import { can, type Protection } from '#app/core/permissions'
import type { Issue } from '#app/core/result'
import { slugify } from '#app/core/slug'
import { sourceDomain } from '#app/core/source-url'
import { triage } from '#app/core/triage'
import type { RequestActor } from '#app/auth/actor.server'
import { config } from '#app/config.server'
import { lockRow, type DB } from '#app/models/db.server'
import { listCitations, listFigures, listFindings } from '#app/models/evidence.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getPageById, getPageBySlug, insertPage, updatePageHeads, type PageRecord } from '#app/models/pages.server'
import { hitLimit } from '#app/models/rate-limits.server'
import { countApprovedRevisionsByAuthor, findRevisionByIdempotencyKey, getRevision, getRevisionMeta } from '#app/models/revisions.server'
import { existingSourceIds, getSourcesByIds } from '#app/models/sources.server'
import { getUserById } from '#app/models/users.server'
import { recordRevision } from './record-revision.server'

export interface SaveRevisionInput {
  actor: Pick<RequestActor, 'id' | 'role' | 'blockedUntil'>
  /** The page to save to; null creates a new page (its slug comes from the title). */
  slug: string | null
  /** The revision the editor started from (null only for a new page). */
  baseRevisionId: string | null
  /** The snapshot as sent: validated here. */
  content: unknown
  summary: string
  /** Same key twice (a double click, a retry) → one revision. */
  idempotencyKey: string | null
  restoresRevisionId?: string | null
}

export interface SavedRevision {
  page: { id: string; slug: string }
  revision: { id: string; status: RevisionStatus; findings: Finding[]; merged: boolean }
  /** True when this answers a repeated submit with the revision the first one created. */
  replayed: boolean
}

export type SaveRevisionResult =
  | ({ ok: true } & SavedRevision)
  | { ok: false; status: 422; code: 'invalid_content'; issues: Issue[] }
  | { ok: false; status: 404; code: 'page_not_found' | 'base_not_found'; message: string }
  | { ok: false; status: 403; code: 'protected'; message: string }
  | { ok: false; status: 409; code: 'slug_taken'; message: string; slug: string }
  | { ok: false; status: 409; code: 'edit_conflict'; message: string; conflict: { revisionId: string; latestRevisionId: string; baseRevisionId: string; fields: string[] }; page: { slug: string } }
  | { ok: false; status: 429; code: 'rate_limited'; message: string; retryAfterSeconds: number }

/**
 * Saves an edit as an immutable revision (DESIGN.md, "Save"): validate, analyse, and in one
 * transaction insert the revision with its evidence rows. If the page moved on since the base,
 * non-overlapping changes merge; overlapping ones are kept as a `conflict` revision — the
 * editor's text is never dropped and the other edit never overwritten.
 */
export async function saveRevision(db: DB, input: SaveRevisionInput): Promise<SaveRevisionResult> {
  const validated = validateContent(input.content)
  if (!validated.ok) return { ok: false, status: 422, code: 'invalid_content', issues: validated.issues }
  const summary = input.summary.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 500)

  if (input.idempotencyKey) {
    const replay = await replayed(db, input)
    if (replay) return replay
  }
  const limit = await hitLimit(db, `save:${input.actor.id}`, config.limits.saveUser)
  if (!limit.allowed) {
    return { ok: false, status: 429, code: 'rate_limited', message: `Too many saves; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} min.`, retryAfterSeconds: limit.retryAfterSeconds }
  }
  try {
    return await db.transaction().execute((trx) => (input.slug === null ? createPage(trx, input, validated.value, summary) : appendRevision(trx, input, input.slug, validated.value, summary)))
  } catch (error) {
    // Two submits with one idempotency key racing past the first check: the unique index let
    // one through; answer the other with the revision it created.
    if (input.idempotencyKey) {
      const replay = await replayed(db, input)
      if (replay) return replay
    }
    throw error
  }
}

async function replayed(db: DB, input: SaveRevisionInput): Promise<SaveRevisionResult | null> {
  const existing = await findRevisionByIdempotencyKey(db, input.actor.id, input.idempotencyKey!)
  if (!existing) return null
  const page = await getPageById(db, existing.pageId)
  if (existing.status === 'conflict' && page) {
    return { ok: false, status: 409, code: 'edit_conflict', message: 'Someone else changed the same part of the page; your version is kept as a conflict revision.', conflict: { revisionId: existing.id, latestRevisionId: page.latestRevisionId, baseRevisionId: existing.baseRevisionId ?? '', fields: [] }, page: { slug: page.slug } }
  }
  const findings = await listFindings(db, existing.id)
  return {
    ok: true,
    replayed: true,
    page: { id: existing.pageId, slug: page?.slug ?? '' },
    revision: { id: existing.id, status: existing.status, findings: findings.map(toFinding), merged: false },
  }
}

function toFinding(f: { kind: string; category: string | null; text: string; start: number | null; end: number | null; message: string }): Finding {
  const field = f.category === 'title' || f.category === 'summary' ? f.category : 'body'
  return { kind: f.kind as Finding['kind'], field, text: f.text, start: f.start, end: f.end, category: field === 'body' ? (f.category as Finding['category']) : null, message: f.message }
}

function referencedSourceIds(body: DocNode): string[] {
  const ids: string[] = []
  const stack = [body]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'citation' && typeof node.attrs?.sourceId === 'string') ids.push(node.attrs.sourceId)
    for (const mark of node.marks ?? []) if (mark.type === 'figure' && typeof mark.attrs?.sourceId === 'string') ids.push(mark.attrs.sourceId)
    if (node.content) stack.push(...node.content)
  }
  return ids
}

async function analyse(trx: DB, content: PageContent): Promise<ContentAnalysis> {
  return analyseContent(content, await existingSourceIds(trx, referencedSourceIds(content.body)))
}

async function decideStatus(trx: DB, input: SaveRevisionInput, analysis: ContentAnalysis, parentId: string | null, size: number) {
  const author = await getUserById(trx, input.actor.id)
  const approved = await countApprovedRevisionsByAuthor(trx, input.actor.id)
  const parent = parentId ? await getRevisionMeta(trx, parentId) : null
  const before = parentId ? { figures: await listFigures(trx, parentId), citationSources: (await listCitations(trx, parentId)).map((c) => c.sourceId) } : { figures: [], citationSources: [] }
  const after = { figures: analysis.figures, citationSources: analysis.citations.map((c) => (c.known ? c.sourceId : null)) }
  const evidence = diffEvidence(before, after)
  const dropped = sourcesDropped(before, after)
  const findings: Finding[] = [
    ...analysis.findings,
    ...dropped.map((id): Finding => ({ kind: 'citation-removed', field: 'body', text: id, start: null, end: null, category: null, message: 'A source cited before is no longer cited anywhere on the page.' })),
  ]
  const sourcesBefore = await getSourcesByIds(trx, before.figures.map((f) => f.sourceId).concat(before.citationSources).filter((s): s is string => s !== null))
  const sourcesAfter = await getSourcesByIds(trx, after.figures.map((f) => f.sourceId).concat(after.citationSources).filter((s): s is string => s !== null))
  const domainsBefore = new Set([...sourcesBefore.values()].map((s) => sourceDomain(s.url)))
  const newDomains = new Set([...sourcesAfter.values()].map((s) => sourceDomain(s.url)).filter((d) => !domainsBefore.has(d)))
  const decision = triage({
    canPublish: can(input.actor, 'revision.publish'),
    findings,
    author: { approvedRevisions: approved, accountAgeDays: author ? (Date.now() - new Date(author.createdAt).getTime()) / 86_400_000 : 0 },
    figuresChanged: evidence.added.length + evidence.removed.length + evidence.changed.length,
    newSourceDomains: newDomains.size,
    previousSize: parent?.size ?? null,
    size,
  })
  return { ...decision, findings }
}

async function createPage(trx: DB, input: SaveRevisionInput, content: PageContent, summary: string): Promise<SaveRevisionResult> {
  const slug = slugify(content.title)
  if (await getPageBySlug(trx, slug)) {
    return { ok: false, status: 409, code: 'slug_taken', message: `A page with this title already exists at /pages/${slug}; edit it instead, or choose another title.`, slug }
  }
  const analysis = await analyse(trx, content)
  const size = Buffer.byteLength(JSON.stringify(content))
  const decision = await decideStatus(trx, input, analysis, null, size)
  const pageId = newId()
  const revisionId = newId()
  await insertPage(trx, { id: pageId, slug, title: content.title, summary: content.summary, lang: content.lang, latestRevisionId: revisionId, createdAt: nowIso() })
  await recordRevision(trx, {
    id: revisionId, pageId, parentId: null, baseRevisionId: null, authorId: input.actor.id, summary, status: decision.status,
    content, analysis: { ...analysis, findings: decision.findings }, idempotencyKey: input.idempotencyKey, riskScore: decision.risk,
  })
  if (decision.status === 'approved') await updatePageHeads(trx, pageId, { stableRevisionId: revisionId, updatedAt: nowIso() })
  return { ok: true, replayed: false, page: { id: pageId, slug }, revision: { id: revisionId, status: decision.status, findings: decision.findings, merged: false } }
}

async function appendRevision(trx: DB, input: SaveRevisionInput, slug: string, submitted: PageContent, summary: string): Promise<SaveRevisionResult> {
  const found = await getPageBySlug(trx, slug)
  if (!found) return { ok: false, status: 404, code: 'page_not_found', message: `There is no page "${slug.slice(0, 80)}".` }
  await lockRow(trx, 'pages', found.id)
  const page = (await getPageById(trx, found.id)) as PageRecord
  const protection = activeProtection(page)
  if (!can(input.actor, 'page.edit', { protection })) {
    return { ok: false, status: 403, code: 'protected', message: `This page is protected (${protection}): ${page.protectionReason ?? 'no reason given'}.` }
  }
  const baseId = input.baseRevisionId ?? page.latestRevisionId
  const base = await getRevision(trx, baseId)
  if (!base || base.pageId !== page.id) return { ok: false, status: 404, code: 'base_not_found', message: 'The revision this edit started from does not belong to this page.' }

  let content = submitted
  let merged = false
  if (base.id !== page.latestRevisionId) {
    const latest = (await getRevision(trx, page.latestRevisionId))!
    const result = mergeContent(base.content, submitted, latest.content)
    if (!result.ok) {
      const stored = await storeConflict(trx, input, page, base.id, submitted, summary)
      return {
        ok: false, status: 409, code: 'edit_conflict',
        message: 'Someone else changed the same part of the page since you started. Your version is saved as a conflict revision; merge it with the current one.',
        conflict: { revisionId: stored, latestRevisionId: page.latestRevisionId, baseRevisionId: base.id, fields: result.conflicts },
        page: { slug: page.slug },
      }
    }
    const revalidated = validateContent(result.content)
    if (!revalidated.ok) return { ok: false, status: 422, code: 'invalid_content', issues: revalidated.issues }
    content = revalidated.value
    merged = true
  }
  const analysis = await analyse(trx, content)
  const size = Buffer.byteLength(JSON.stringify(content))
  const decision = await decideStatus(trx, input, analysis, page.latestRevisionId, size)
  const { id } = await recordRevision(trx, {
    pageId: page.id, parentId: page.latestRevisionId, baseRevisionId: base.id, authorId: input.actor.id,
    summary: merged ? `${summary} (merged with a concurrent edit)`.trim() : summary, status: decision.status, content,
    analysis: { ...analysis, findings: decision.findings }, idempotencyKey: input.idempotencyKey,
    restoresRevisionId: input.restoresRevisionId ?? null, riskScore: decision.risk,
  })
  const published = decision.status === 'approved'
  await updatePageHeads(trx, page.id, {
    latestRevisionId: id,
    ...(published ? { stableRevisionId: id, title: content.title, summary: content.summary, lang: content.lang } : {}),
    ...(!published && page.stableRevisionId === null ? { title: content.title, summary: content.summary, lang: content.lang } : {}),
    updatedAt: nowIso(),
  })
  return { ok: true, replayed: false, page: { id: page.id, slug: page.slug }, revision: { id, status: decision.status, findings: decision.findings, merged } }
}

async function storeConflict(trx: DB, input: SaveRevisionInput, page: PageRecord, baseId: string, content: PageContent, summary: string): Promise<string> {
  const analysis = await analyse(trx, content)
  const { id } = await recordRevision(trx, {
    pageId: page.id, parentId: baseId, baseRevisionId: baseId, authorId: input.actor.id, summary, status: 'conflict',
    content, analysis, idempotencyKey: input.idempotencyKey, restoresRevisionId: input.restoresRevisionId ?? null,
  })
  return id
}

export function activeProtection(page: Pick<PageRecord, 'protection' | 'protectionExpiresAt'>, now = new Date()): Protection | null {
  if (!page.protection) return null
  if (page.protectionExpiresAt && new Date(page.protectionExpiresAt) <= now) return null
  return page.protection as Protection
}
