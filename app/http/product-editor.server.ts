import { readFormData } from '#app/http/form-body.server'
import { data, redirect } from '@remix-run/node'
import { getActor } from '#app/auth/actor.server'
import type { PageContent } from '#app/core/content'
import { translator } from '#app/core/i18n/index'
import { isLang } from '#app/core/lang'
import { can } from '#app/core/permissions'
import { emptyProductFacts, type ProductFacts } from '#app/core/product'
import { forbidden } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { newId } from '#app/models/ids.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { saveRevision } from '#app/services/save-revision.server'

/** The product form's fields, as shown and as submitted (strings, lists for checkboxes). */
export interface ProductFormValues {
  name: string
  summary: string
  lang: string
  kind: string
  license: string
  vendor: string
  homepage: string
  repository: string
  hosting: string
  aliases: string
  categories: string[]
  alternativeTo: string[]
  editSummary: string
  baseRevisionId: string
  idempotencyKey: string
}

export function formFromContent(content: PageContent | null, baseRevisionId: string, lang: string): ProductFormValues {
  const facts: ProductFacts = content?.product ?? emptyProductFacts('open-source')
  return {
    name: content?.title ?? '', summary: content?.summary ?? '', lang: content?.lang ?? lang, kind: facts.kind, license: facts.license,
    vendor: facts.vendor, homepage: facts.homepage, repository: facts.repository, hosting: facts.hosting, aliases: facts.aliases.join(', '),
    categories: content?.categories ?? [], alternativeTo: facts.alternativeTo, editSummary: '', baseRevisionId, idempotencyKey: newId(),
  }
}

function readForm(form: FormData): ProductFormValues {
  const one = (name: string, max = 2048) => {
    const v = form.get(name)
    return typeof v === 'string' ? v.slice(0, max) : ''
  }
  const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 100)).slice(0, 50)
  return {
    name: one('name', 200), summary: one('summary', 600), lang: one('lang', 5), kind: one('kind', 20), license: one('license', 200),
    vendor: one('vendor', 200), homepage: one('homepage'), repository: one('repository'), hosting: one('hosting', 20), aliases: one('aliases', 1500),
    categories: all('categories'), alternativeTo: all('alternativeTo'), editSummary: one('editSummary', 500), baseRevisionId: one('baseRevisionId', 100),
    idempotencyKey: one('idempotencyKey', 100),
  }
}

/** The form's field for an issue path ("title" → name, "product.license" → license). */
function fieldOf(path: string): string {
  if (path === 'title') return 'name'
  if (path.startsWith('product.')) return path.split('.')[1]!
  return path.split('.')[0]!
}

/**
 * Saves the product form through the one revision machinery (saveRevision): trusted edits
 * publish, others wait in the moderation queue. A refusal returns the form as typed, with the
 * message beside each field; nothing is lost.
 */
export async function submitProductEdit(request: Request, slug: string | null) {
  const t = translator(getUiLang(request))
  const values = readForm(await readFormData(request))
  const actor = await getActor(request)
  if (!actor) throw redirect(`/login?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`)
  if (!can(actor, slug === null ? 'page.create' : 'page.edit')) throw forbidden(t('auth.forbidden'))
  const db = getDb()
  const existing = slug ? await getPageBySlug(db, slug) : null
  // The description body is not edited in this form: it is carried over from the latest revision.
  const latest = existing ? await getRevision(db, existing.latestRevisionId) : null
  const content = {
    title: values.name, summary: values.summary, lang: isLang(values.lang) ? values.lang : 'en',
    subjects: { proprietary: [], alternatives: [] }, categories: values.categories,
    body: latest?.content.body ?? { type: 'doc', content: [{ type: 'paragraph' }] },
    product: {
      kind: values.kind, license: values.license, vendor: values.vendor, homepage: values.homepage, repository: values.repository, hosting: values.hosting,
      aliases: values.aliases.split(',').map((a) => a.trim()).filter((a) => a !== ''), alternativeTo: values.kind === 'open-source' ? values.alternativeTo : [],
    },
  }
  const result = await saveRevision(db, {
    actor, slug, baseRevisionId: values.baseRevisionId || null, content, summary: values.editSummary, idempotencyKey: values.idempotencyKey || null, kind: 'product',
  })
  if (result.ok) {
    const outcome = result.revision.status === 'approved' ? 'published' : 'pending'
    return redirect(`/products/${result.page.slug}?saved=${outcome}`, 303)
  }
  const errors: Record<string, string> = {}
  let message: string
  if (result.code === 'invalid_content') {
    for (const issue of result.issues) errors[fieldOf(issue.path)] ??= issue.message
    message = t('productEdit.refused')
  } else {
    message = result.message
  }
  const status = result.status
  // A conflict stored the edit as its own revision; a new key lets the person save again on top.
  return data({ values: { ...values, idempotencyKey: result.code === 'edit_conflict' || result.code === 'idempotency_key_reused' ? newId() : values.idempotencyKey }, errors, message }, { status })
}
