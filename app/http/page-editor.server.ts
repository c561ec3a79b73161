import { data, redirect } from '@remix-run/node'
import { getActor, requireAbility, type RequestActor } from '#app/auth/actor.server'
import { localiseIssue } from '#app/core/editor/issue-messages'
import { newPageContent } from '#app/core/editor/page-form'
import type { ConflictView, EditorActionData, EditorProblem } from '#app/core/editor/types'
import type { PageContent } from '#app/core/content'
import type { Issue } from '#app/core/result'
import { parseJson } from '#app/core/document'
import { classifyDbFailure, failureStatus, retryAfterSeconds } from '#app/core/db-failure'
import { editorTranslator, type EditorTranslate } from '#app/core/i18n/editor-messages'
import type { Lang } from '#app/core/lang'
import { conflictMarks, mergeContent } from '#app/core/merge'
import { can, type Protection } from '#app/core/permissions'
import { renderBody } from '#app/core/render-html'
import { referencedSourceIds } from '#app/core/source-refs'
import { translator } from '#app/core/i18n/index'
import { forbidden, notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { log } from '#app/infra/logger.server'
import { getDb, type DB } from '#app/models/db.server'
import { newId } from '#app/models/ids.server'
import { getPageBySlug, type PageRecord } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { getSourcesByIds } from '#app/models/sources.server'
import { presentSource, type SourceView } from '#app/presenters/source'
import { protectionInForce } from '#app/core/protection'
import { saveRevision } from '#app/services/save-revision.server'
import { readFormData } from '#app/http/form-body.server'

/**
 * The server side of the edit routes (/pages/new, /pages/:slug/edit): who may open the editor,
 * what it starts from, and how a submitted edit becomes a revision — or comes back with what was
 * typed and why it was not saved.
 */

export interface EditorLoaderData {
  slug: string | null
  /** The page's current title, for the heading (empty for a new page). */
  pageTitle: string
  content: PageContent
  baseRevisionId: string | null
  /** One per editor load: a repeated submit of the same form makes one revision. */
  idempotencyKey: string
  sources: Record<string, SourceView>
  conflict: ConflictView | null
}

/** Anonymous visitors go to the login page and come back; accounts that may not edit get 403. */
export async function requireEditor(request: Request, action: 'page.create' | 'page.edit', page?: PageRecord): Promise<RequestActor> {
  const actor = await getActor(request)
  if (!actor) {
    const url = new URL(request.url)
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  const protection = page ? protectionInForce(page, new Date()) : null
  if (page && protection && can(actor, 'page.edit') && !can(actor, 'page.edit', { protection })) {
    throw forbidden(protectedMessage(editorTranslator(getUiLang(request)), page, protection))
  }
  return requireAbility(request, action, { protection })
}

function protectedMessage(t: EditorTranslate, page: PageRecord, protection: Protection): string {
  return t('editor.problem.protected', { level: protection, reason: page.protectionReason ?? t('editor.problem.noReason') })
}


async function sourcesOf(db: DB, content: PageContent): Promise<Record<string, SourceView>> {
  const found = await getSourcesByIds(db, referencedSourceIds(content.body))
  return Object.fromEntries([...found].map(([id, source]) => [id, presentSource(source)]))
}

export function newPageEditor(uiLang: Lang): EditorLoaderData {
  return {
    slug: null,
    pageTitle: '',
    content: newPageContent(uiLang),
    baseRevisionId: null,
    idempotencyKey: newId(),
    sources: {},
    conflict: null,
  }
}

/** The editor for an existing page: its latest revision, or a conflict revision to merge. */
export async function loadPageEditor(db: DB, page: PageRecord, conflictId: string | null, uiLang: Lang): Promise<EditorLoaderData> {
  let content: PageContent
  let conflict: ConflictView | null = null
  if (conflictId) {
    conflict = await loadConflictView(db, page, conflictId, uiLang)
    if (!conflict) throw notFound(editorTranslator(uiLang)('editor.conflict.notFound'))
    content = (await getRevision(db, conflictId))!.content
  } else {
    const latest = await getRevision(db, page.latestRevisionId)
    if (!latest) throw new Error(`page ${page.id} has no latest revision ${page.latestRevisionId}`)
    content = latest.content
  }
  return {
    slug: page.slug,
    pageTitle: page.title,
    content,
    baseRevisionId: page.latestRevisionId,
    idempotencyKey: newId(),
    sources: await sourcesOf(db, content),
    conflict,
  }
}

/**
 * What the merge view shows: the page's head now, rendered read-only, and what both sides changed.
 * The changed fields are worked out again from the stored revisions, so the view is the same
 * after a reload or from a link.
 */
async function loadConflictView(db: DB, page: PageRecord, conflictId: string, uiLang: Lang): Promise<ConflictView | null> {
  const mine = await getRevision(db, conflictId)
  if (!mine || mine.pageId !== page.id || mine.status !== 'conflict') return null
  const [latest, base] = await Promise.all([getRevision(db, page.latestRevisionId), mine.baseRevisionId ? getRevision(db, mine.baseRevisionId) : null])
  if (!latest) return null
  const merged = base ? mergeContent(base.content, mine.content, latest.content) : { ok: false as const, conflicts: [] }
  const marks = base && !merged.ok ? conflictMarks(base.content.body.content ?? [], mine.content.body.content ?? [], latest.content.body.content ?? []) : { passages: [], currentRanges: [] }
  const t = translator(uiLang)
  const et = editorTranslator(uiLang)
  const { body, ...metadata } = latest.content
  return {
    revisionId: mine.id,
    latestRevisionId: latest.id,
    fields: merged.ok ? [] : merged.conflicts,
    passages: marks.passages,
    latest: {
      authorName: latest.authorName,
      createdAt: latest.createdAt,
      summary: latest.summary,
      content: metadata,
      bodyHtml: renderBody(body, {
        tableLabel: (n) => t('page.tableLabel', { n }),
        highlights: marks.currentRanges.map((r) => ({ ...r, className: 'hl-conflict', title: et('editor.conflict.differsCurrent'), label: et('editor.conflict.differsCurrent') })),
      }),
    },
  }
}

function field(form: FormData, name: string, max?: number): string {
  const value = form.get(name)
  return typeof value === 'string' ? value.slice(0, max) : ''
}

/**
 * Saves a submitted edit. Success redirects to the page with a notice; every refusal comes back
 * with the submitted content and summary so the editor shows them again — nothing typed is lost.
 */
export async function submitEdit(request: Request, slug: string | null) {
  const uiLang = getUiLang(request)
  const t = editorTranslator(uiLang)
  const form = await readFormData(request)
  const summary = field(form, 'summary', 500)
  const idempotencyKey = field(form, 'idempotencyKey', 100).trim() || null
  const baseRevisionId = field(form, 'baseRevisionId', 100).trim() || null
  const parsed = parseJson(field(form, 'content'), 'content')
  const submitted = parsed.ok ? parsed.value : null
  const answer = (status: 401 | 403 | 404 | 409 | 422 | 429 | 503 | 507, problem: EditorProblem, headers?: HeadersInit, key = idempotencyKey ?? newId()) =>
    data<EditorActionData>({ problem, content: submitted, summary, idempotencyKey: key }, { status, headers })

  // The database down or the disk full: answered like any other refusal, so the editor keeps the
  // text instead of giving way to the error page. Anything else is a bug.
  const failed = (error: unknown) => {
    const failure = classifyDbFailure(error)
    if (failure === null) throw error
    log(failure === 'timeout' ? 'warn' : 'debug', 'save failed: database ' + failure, { error })
    return answer(failureStatus(failure), { kind: 'unavailable', message: t(failure === 'full' ? 'editor.problem.storageFull' : 'editor.problem.unavailable') }, { 'Retry-After': String(retryAfterSeconds(failure)) })
  }
  let actor: Awaited<ReturnType<typeof getActor>>
  try {
    actor = await getActor(request)
  } catch (error) {
    return failed(error)
  }
  if (!actor) return answer(401, { kind: 'signed_out', message: t('editor.problem.signedOut') })
  if (!can(actor, slug === null ? 'page.create' : 'page.edit')) return answer(403, { kind: 'forbidden', message: t('editor.problem.forbidden') })
  const localised = (issues: Issue[]) => issues.map((issue) => localiseIssue(issue, t, uiLang))
  if (!parsed.ok) return answer(422, { kind: 'invalid', issues: localised(parsed.issues) })

  const db = getDb()
  let result: Awaited<ReturnType<typeof saveRevision>>
  try {
    result = await saveRevision(db, { actor, slug, baseRevisionId, content: submitted, summary, idempotencyKey })
  } catch (error) {
    return failed(error)
  }
  if (result.ok) {
    const uncited = result.revision.findings.some((f) => f.kind === 'uncited-figure')
    const outcome = result.revision.status === 'approved' ? 'published' : uncited ? 'uncited' : 'pending'
    return redirect(`/pages/${result.page.slug}?revision=latest&saved=${outcome}${result.revision.merged ? '&merged=1' : ''}`, 303)
  }
  switch (result.code) {
    case 'invalid_content':
      return answer(422, { kind: 'invalid', issues: localised(result.issues) })
    case 'idempotency_key_reused':
      // The form's key already saved another version (a form kept from before that save): keep
      // the text and hand out a new key, so saving again makes a new revision.
      return answer(422, { kind: 'key_reused', message: t('editor.problem.keyReused') }, undefined, newId())
    case 'slug_taken':
      return answer(409, { kind: 'slug_taken', message: t('editor.problem.slugTaken', { slug: result.slug }), slug: result.slug })
    case 'edit_conflict': {
      const page = await getPageBySlug(db, result.page.slug)
      const conflict = page ? await loadConflictView(db, page, result.conflict.revisionId, uiLang) : null
      if (!conflict) throw new Error(`conflict revision ${result.conflict.revisionId} could not be loaded`)
      // The key made the conflict revision; the merged save needs a new one or it would replay it.
      return answer(409, { kind: 'conflict', conflict }, undefined, newId())
    }
    case 'protected': {
      const page = slug ? await getPageBySlug(db, slug) : null
      const protection = page ? protectionInForce(page, new Date()) : null
      return answer(403, { kind: 'protected', message: page && protection ? protectedMessage(t, page, protection) : result.message })
    }
    case 'page_not_found':
    case 'base_not_found':
      return answer(404, { kind: 'not_found', message: t('editor.problem.notFound') })
    case 'rate_limited': {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      return answer(429, { kind: 'rate_limited', message: t('editor.problem.rateLimited', { minutes }) }, { 'Retry-After': String(result.retryAfterSeconds) })
    }
    default: {
      // Every refusal needs an answer that gives the text back; a new one must be added above.
      const unhandled: never = result
      throw new Error(`unhandled save refusal ${JSON.stringify(unhandled).slice(0, 200)}`)
    }
  }
}
