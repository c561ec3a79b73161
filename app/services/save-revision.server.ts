import { createHash } from 'node:crypto'
import { analyseContent, isFieldName, type ContentAnalysis, type Finding } from '#app/core/analyse'
import type { PageContent, RevisionStatus } from '#app/core/content'
import { validateContent } from '#app/core/document'
import { todayIso } from '#app/core/as-of'
import { figureDateIssues } from '#app/core/figure-dates'
import { validateProductContent, type PageKind } from '#app/core/product'
import { diffEvidence, sourcesDropped } from '#app/core/evidence-diff'
import { mergeContent } from '#app/core/merge'
import { can } from '#app/core/permissions'
import { protectionInForce } from '#app/core/protection'
import { mayBePromoted, promoteIfEarned } from './auto-trust.server'
import type { Issue } from '#app/core/result'
import { slugify } from '#app/core/slug'
import { referencedSourceIds } from '#app/core/source-refs'
import { sourceDomain } from '#app/core/source-url'
import { triage } from '#app/core/triage'
import type { RequestActor } from '#app/auth/actor.server'
import { config } from '#app/infra/config.server'
import { loadMetricRegistry } from '#app/models/metrics.server'
import { isUniqueViolation, type DB } from '#app/models/db.server'
import { listCitations, listFigures, listFindings } from '#app/models/evidence.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getPageById, getPageBySlug, insertPage, lockPageBySlug, updatePageHeads, type PageRecord } from '#app/models/pages.server'
import { getPageKind } from '#app/models/products.server'
import { hitLimit } from '#app/models/rate-limits.server'
import { followRevision } from './follow-revision.server'
import { countApprovedRevisionsByAuthor, findRevisionByIdempotencyKey, getRevision, getRevisionMeta, listChainBetween, setRevisionStatus, type RevisionMeta } from '#app/models/revisions.server'
import { existingSourceIds, getSourcesByIds } from '#app/models/sources.server'
import { getUserById } from '#app/models/users.server'
import { recordRevision, serialiseContent } from './record-revision.server'
import { settleUpheldReports } from './upheld-reports.server'

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
  /** What a new page is (an existing page keeps its kind): a comparison unless told. */
  kind?: PageKind
}

interface SavedRevision {
  page: { id: string; slug: string }
  revision: { id: string; parentId: string | null; status: RevisionStatus; findings: Finding[]; merged: boolean }
  /** True when this answers a repeated submit with the revision the first one created. */
  replayed: boolean
}

export type SaveRevisionResult =
  | ({ ok: true } & SavedRevision)
  | { ok: false; status: 422; code: 'invalid_content'; issues: Issue[] }
  | { ok: false; status: 422; code: 'idempotency_key_reused'; message: string }
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
  // A product is a page with product facts (decision 019): same machinery, its own content rules.
  const kind = input.slug === null ? (input.kind ?? 'comparison') : ((await getPageKind(db, input.slug)) ?? 'comparison')
  const validate = kind === 'product' ? validateProductContent : validateContent
  const validated = validate(input.content)
  if (!validated.ok) return { ok: false, status: 422, code: 'invalid_content', issues: validated.issues }
  const dateIssues = await figureDatesAgainstSources(db, validated.value)
  if (dateIssues.length > 0) return { ok: false, status: 422, code: 'invalid_content', issues: dateIssues }
  const summary = input.summary.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 500)
  const fingerprint = input.idempotencyKey ? requestFingerprint(input, validated.value, summary) : null

  if (input.idempotencyKey) {
    const replay = await replayed(db, input, fingerprint)
    if (replay) return replay
  }
  const limit = await hitLimit(db, `save:${input.actor.id}`, config.limits.saveUser)
  if (!limit.allowed) {
    return { ok: false, status: 429, code: 'rate_limited', message: `Too many saves; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} min.`, retryAfterSeconds: limit.retryAfterSeconds }
  }
  // About the author, not the page: read before the page's lock is taken, which every statement
  // inside the transaction holds up for the page's other editors.
  const save = { ...input, idempotencyFingerprint: fingerprint, kind, validate, author: await authorStanding(db, input.actor.id) }
  const mayPromote = input.actor.role === 'editor' && (await mayBePromoted(db, input.actor.id))
  try {
    return await db.transaction().execute(async (trx) => {
      // An editor whose record became enough since the last review (the days passed) is promoted
      // with this save, so it already counts as a trusted editor's: it may publish, and reach a
      // semi-protected page.
      if (mayPromote && (await promoteIfEarned(trx, input.actor.id))) save.actor = { ...input.actor, role: 'trusted' }
      // Checked again under the page lock (SQLite: the write lock), where a twin submit that got
      // here first is visible: SQLite serialises the two, so the unique index alone would not
      // stop the second from creating a page of the same title and answering 409 slug_taken.
      if (input.idempotencyKey) {
        const replay = await replayed(trx, input, fingerprint)
        if (replay) return replay
      }
      const result = input.slug === null ? await createPage(trx, save, validated.value, summary) : await appendRevision(trx, save, input.slug, validated.value, summary)
      if (result.ok) await followRevision(trx, { pageId: result.page.id, revisionId: result.revision.id, parentId: result.revision.parentId, status: result.revision.status, authorId: input.actor.id })
      return result
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    // PostgreSQL runs twin submits side by side: the unique index lets one through and makes the
    // other wait for its commit and fail; answer that one with the revision the first created.
    if (input.idempotencyKey) {
      const replay = await replayed(db, input, fingerprint)
      if (replay) return replay
    }
    // Two different new pages with one title, created at once: the slug's unique index decides.
    if (input.slug === null) {
      const slug = slugify(validated.value.title)
      if (await getPageBySlug(db, slug, { includeDeleted: true })) return slugTaken(slug, kind)
    }
    throw error
  }
}

/** A figure cannot be "as of" a period after its source's publication (decision 026). */
async function figureDatesAgainstSources(db: DB, content: PageContent): Promise<Issue[]> {
  const sources = await getSourcesByIds(db, referencedSourceIds(content.body).filter((id) => id.length <= 64))
  return figureDateIssues(content.body, (id) => sources.get(id)?.publishedAt ?? null, todayIso())
}

/** What makes two submits "the same request": the target, the base, the summary and the text. */
function requestFingerprint(input: SaveRevisionInput, content: PageContent, summary: string): string {
  return createHash('sha256').update(JSON.stringify([input.slug, input.baseRevisionId, summary, content])).digest('base64url')
}

function slugTaken(slug: string, kind: PageKind): SaveRevisionResult {
  const what = kind === 'product' ? 'product with this name' : 'page with this title'
  return { ok: false, status: 409, code: 'slug_taken', message: `A ${what} already exists at /${kind === 'product' ? 'products' : 'pages'}/${slug}; edit it instead, or choose another ${kind === 'product' ? 'name' : 'title'}.`, slug }
}

async function replayed(db: DB, input: SaveRevisionInput, fingerprint: string | null): Promise<SaveRevisionResult | null> {
  const existing = await findRevisionByIdempotencyKey(db, input.actor.id, input.idempotencyKey!)
  if (!existing) return null
  if (existing.idempotencyFingerprint !== null && existing.idempotencyFingerprint !== fingerprint) {
    return { ok: false, status: 422, code: 'idempotency_key_reused', message: 'This idempotency key was already used for a different request; send a new key with each new edit.' }
  }
  const page = await getPageById(db, existing.pageId)
  if (existing.status === 'conflict' && page) {
    return {
      ok: false, status: 409, code: 'edit_conflict',
      message: 'Someone else changed the same part of the page since you started. Your version is saved as a conflict revision; merge it with the current one.',
      conflict: { revisionId: existing.id, latestRevisionId: page.latestRevisionId, baseRevisionId: existing.baseRevisionId ?? '', fields: await conflictingParts(db, existing.id, existing.baseRevisionId, page.latestRevisionId) },
      page: { slug: page.slug },
    }
  }
  const findings = await listFindings(db, existing.id)
  return {
    ok: true,
    replayed: true,
    page: { id: existing.pageId, slug: page?.slug ?? '' },
    revision: { id: existing.id, parentId: existing.parentId, status: existing.status, findings: findings.map(toFinding), merged: false },
  }
}

/** The parts a stored conflict revision clashes on with the page's head, for a replayed 409. */
async function conflictingParts(db: DB, conflictId: string, baseId: string | null, latestId: string): Promise<string[]> {
  const [ours, base, latest] = await Promise.all([getRevision(db, conflictId), baseId ? getRevision(db, baseId) : null, getRevision(db, latestId)])
  if (!ours || !base || !latest) return []
  const result = mergeContent(base.content, ours.content, latest.content)
  return result.ok ? [] : result.conflicts
}

function toFinding(f: { kind: string; category: string | null; text: string; start: number | null; end: number | null; message: string }): Finding {
  const field = isFieldName(f.category) ? f.category : 'body'
  return { kind: f.kind as Finding['kind'], field, text: f.text, start: f.start, end: f.end, category: field === 'body' ? (f.category as Finding['category']) : null, message: f.message }
}


async function analyse(trx: DB, content: PageContent, editSummary: string): Promise<ContentAnalysis> {
  return analyseContent(content, await existingSourceIds(trx, referencedSourceIds(content.body)), { editSummary, metrics: await loadMetricRegistry(trx) })
}

/** What triage weighs about an author: how many of their revisions were approved, and the account's age. */
async function authorStanding(db: DB, authorId: string): Promise<{ approvedRevisions: number; accountAgeDays: number }> {
  const author = await getUserById(db, authorId)
  const approvedRevisions = await countApprovedRevisionsByAuthor(db, authorId)
  return { approvedRevisions, accountAgeDays: author ? (Date.now() - new Date(author.createdAt).getTime()) / 86_400_000 : 0 }
}

async function decideStatus(trx: DB, input: Save, analysis: ContentAnalysis, parentId: string | null, size: number, buildsOnPending = false) {
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
    buildsOnPending,
    findings,
    author: input.author,
    figuresChanged: evidence.added.length + evidence.removed.length + evidence.changed.length,
    newSourceDomains: newDomains.size,
    previousSize: parent?.size ?? null,
    size,
  })
  return { ...decision, findings }
}

type Save = SaveRevisionInput & { idempotencyFingerprint: string | null; kind: PageKind; validate: typeof validateContent; author: { approvedRevisions: number; accountAgeDays: number } }

async function createPage(trx: DB, input: Save, content: PageContent, summary: string): Promise<SaveRevisionResult> {
  const slug = slugify(content.title)
  if (await getPageBySlug(trx, slug, { includeDeleted: true })) {
    // The page may be this very submit's twin, committed since the check at the start of the
    // transaction (PostgreSQL reads each statement's latest commits).
    const replay = input.idempotencyKey ? await replayed(trx, input, input.idempotencyFingerprint) : null
    return replay ?? slugTaken(slug, input.kind)
  }
  const analysis = await analyse(trx, content, summary)
  const size = Buffer.byteLength(JSON.stringify(content))
  const decision = await decideStatus(trx, input, analysis, null, size)
  const pageId = newId()
  const revisionId = newId()
  await insertPage(trx, { id: pageId, slug, title: content.title, summary: content.summary, lang: content.lang, latestRevisionId: revisionId, createdAt: nowIso(), kind: input.kind })
  await recordRevision(trx, {
    id: revisionId, pageId, parentId: null, baseRevisionId: null, authorId: input.actor.id, summary, status: decision.status,
    content, analysis: { ...analysis, findings: decision.findings }, idempotencyKey: input.idempotencyKey, idempotencyFingerprint: input.idempotencyFingerprint, riskScore: decision.risk,
  })
  if (decision.status === 'approved') await updatePageHeads(trx, pageId, { stableRevisionId: revisionId, updatedAt: nowIso() })
  return { ok: true, replayed: false, page: { id: pageId, slug }, revision: { id: revisionId, parentId: null, status: decision.status, findings: decision.findings, merged: false } }
}

async function appendRevision(trx: DB, input: Save, slug: string, submitted: PageContent, summary: string): Promise<SaveRevisionResult> {
  const page = await lockPageBySlug(trx, slug)
  if (!page) return { ok: false, status: 404, code: 'page_not_found', message: `There is no page "${slug.slice(0, 80)}".` }
  // A twin of this submit may have held the lock until now: answer with its revision.
  if (input.idempotencyKey) {
    const replay = await replayed(trx, input, input.idempotencyFingerprint)
    if (replay) return replay
  }
  const protection = protectionInForce(page, new Date())
  if (!can(input.actor, 'page.edit', { protection })) {
    return { ok: false, status: 403, code: 'protected', message: `This page is protected (${protection}): ${page.protectionReason ?? 'no reason given'}.` }
  }
  const baseId = input.baseRevisionId ?? page.latestRevisionId
  // Only the metadata: the snapshot (parsing a large page costs milliseconds) matters only to a merge.
  const base = await getRevisionMeta(trx, baseId)
  if (!base || base.pageId !== page.id) return { ok: false, status: 404, code: 'base_not_found', message: 'The revision this edit started from does not belong to this page.' }

  let content = submitted
  let merged = false
  if (base.id !== page.latestRevisionId) {
    const baseContent = (await getRevision(trx, base.id))!.content
    const latest = (await getRevision(trx, page.latestRevisionId))!
    const result = mergeContent(baseContent, submitted, latest.content)
    // A merge that cannot be made, or whose result is not a valid page (both sides emptied the
    // body between them, say), is a conflict: the editor's text is stored either way.
    const revalidated = result.ok ? input.validate(result.content) : null
    if (!result.ok || !revalidated?.ok) {
      const stored = await storeConflict(trx, input, page, base.id, submitted, summary)
      return {
        ok: false, status: 409, code: 'edit_conflict',
        message: 'Someone else changed the same part of the page since you started. Your version is saved as a conflict revision; merge it with the current one.',
        conflict: { revisionId: stored, latestRevisionId: page.latestRevisionId, baseRevisionId: base.id, fields: result.ok ? (revalidated && !revalidated.ok ? revalidated.issues.map((i) => i.path) : []) : result.conflicts },
        page: { slug: page.slug },
      }
    }
    content = revalidated.value
    merged = true
  }
  const analysis = await analyse(trx, content, summary)
  const size = Buffer.byteLength(JSON.stringify(content))
  const waiting = await pendingUnder(trx, page, content)
  const decision = await decideStatus(trx, input, analysis, page.latestRevisionId, size, waiting.pending.length > 0 && !waiting.restoresStable)
  const { id } = await recordRevision(trx, {
    pageId: page.id, parentId: page.latestRevisionId, baseRevisionId: base.id, authorId: input.actor.id,
    summary: merged ? `${summary} (merged with a concurrent edit)`.trim() : summary, status: decision.status, content,
    analysis: { ...analysis, findings: decision.findings }, idempotencyKey: input.idempotencyKey, idempotencyFingerprint: input.idempotencyFingerprint,
    restoresRevisionId: input.restoresRevisionId ?? null, riskScore: decision.risk,
  })
  const published = decision.status === 'approved'
  // Published over pending revisions only by restoring the stable content: what they changed never
  // reaches readers, and they can no longer be decided (as after a rollback).
  if (published) for (const r of waiting.pending) await setRevisionStatus(trx, r.id, ['pending'], 'superseded')
  await updatePageHeads(trx, page.id, {
    latestRevisionId: id,
    ...(published ? { stableRevisionId: id, title: content.title, summary: content.summary, lang: content.lang } : {}),
    ...(!published && page.stableRevisionId === null ? { title: content.title, summary: content.summary, lang: content.lang } : {}),
    updatedAt: nowIso(),
  })
  if (published) await settleUpheldReports(trx, page.id, id)
  return { ok: true, replayed: false, page: { id: page.id, slug: page.slug }, revision: { id, parentId: page.latestRevisionId, status: decision.status, findings: decision.findings, merged } }
}

/**
 * The pending revisions between the page's stable revision and its head, which a new revision
 * would carry, and whether the new content simply restores the stable revision's (a revert of them).
 */
async function pendingUnder(trx: DB, page: PageRecord, content: PageContent): Promise<{ pending: RevisionMeta[]; restoresStable: boolean }> {
  if (page.latestRevisionId === page.stableRevisionId) return { pending: [], restoresStable: false }
  const pending = (await listChainBetween(trx, page.id, page.stableRevisionId, page.latestRevisionId)).filter((r) => r.status === 'pending')
  if (pending.length === 0 || page.stableRevisionId === null) return { pending, restoresStable: false }
  const stable = await getRevision(trx, page.stableRevisionId)
  return { pending, restoresStable: stable?.contentHash === serialiseContent(content).hash }
}

async function storeConflict(trx: DB, input: Save, page: PageRecord, baseId: string, content: PageContent, summary: string): Promise<string> {
  const analysis = await analyse(trx, content, summary)
  const { id } = await recordRevision(trx, {
    pageId: page.id, parentId: baseId, baseRevisionId: baseId, authorId: input.actor.id, summary, status: 'conflict',
    content, analysis, idempotencyKey: input.idempotencyKey, idempotencyFingerprint: input.idempotencyFingerprint, restoresRevisionId: input.restoresRevisionId ?? null,
  })
  return id
}

