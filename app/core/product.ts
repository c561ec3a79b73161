import { z } from 'zod'
import { categoryFromText } from './categories'
import type { PageContent } from './content'
import { validateContent } from './document'
import { checkLicence, PROPRIETARY_LICENCE } from './licence'
import { fail, ok, type Issue, type Result } from './result'
import { isWebUrl } from './safe-url'

/**
 * A product is a page of kind `product` (decision 019): its revisions are ordinary snapshots
 * whose `title` is the product's name, `summary` says what it is, `categories` are registry
 * slugs, `body` may describe it (figures there follow the citation rule), and `product` holds the
 * facts below. Everything else — queue, trust, protection, history, diff, revert, feeds,
 * reports — is the page machinery unchanged.
 */
export const PRODUCT_KINDS = ['proprietary', 'open-source'] as const
export type ProductKind = (typeof PRODUCT_KINDS)[number]
export const HOSTINGS = ['self-hosted', 'saas', 'both'] as const
export type Hosting = (typeof HOSTINGS)[number]
export type PageKind = 'comparison' | 'product'

export interface ProductFacts {
  kind: ProductKind
  /** An SPDX expression; `LicenseRef-Proprietary` for closed software. */
  license: string
  vendor: string
  homepage: string
  repository: string
  hosting: Hosting
  /** Other names the product goes by ("MS Teams", "Teams"): search and subject matching use them. */
  aliases: string[]
  /** Slugs of the proprietary products an open-source product replaces. */
  alternativeTo: string[]
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'Remove control characters.', params: { rule: 'control_character' } })
const url = z
  .string()
  .trim()
  .max(2048, 'At most 2048 characters.')
  .refine((s) => s === '' || isWebUrl(s), { message: 'Use an http:// or https:// address.', params: { rule: 'web_url' } })

const factsSchema = z.object({
  kind: z.enum(PRODUCT_KINDS, { message: 'Say whether the product is proprietary or open-source.' }),
  license: z.string().max(200, 'At most 200 characters.'),
  vendor: text(100),
  homepage: url,
  repository: url,
  hosting: z.enum(HOSTINGS, { message: 'Hosting is self-hosted, saas or both.' }),
  aliases: z.array(text(100).min(1, 'An alias cannot be empty.')).max(12, 'At most 12 aliases.'),
  alternativeTo: z.array(z.string().regex(SLUG, 'Name products by their address, e.g. microsoft-teams.')).max(24, 'At most 24 products.'),
})

/**
 * Validates a product snapshot: the page rules, then the facts with their licence rule. Issues
 * carry the field's path (`product.license`), so a refused save names what to fix.
 */
export function validateProductContent(input: unknown): Result<PageContent> {
  const page = validateContent(input)
  const raw = typeof input === 'object' && input !== null ? (input as { product?: unknown }).product : undefined
  const parsed = factsSchema.safeParse(raw ?? {})
  const issues: Issue[] = page.ok ? [] : [...page.issues]
  if (!parsed.success) {
    issues.push(...parsed.error.issues.map((i) => ({ path: ['product', ...i.path].join('.'), code: String(i.code), message: i.message })))
    return fail(...issues)
  }
  const facts = parsed.data
  const licence = checkLicence(facts.kind, facts.license)
  if (!licence.ok) issues.push({ path: 'product.license', code: licence.code, message: licence.message })
  if (facts.kind === 'proprietary' && facts.alternativeTo.length > 0) {
    issues.push({ path: 'product.alternativeTo', code: 'alternative_of_proprietary', message: 'Only an open-source product is listed as an alternative to another; leave this empty for a proprietary product.' })
  }
  if (issues.length > 0 || !page.ok || !licence.ok) return fail(...issues)
  const aliases = unique(facts.aliases.map((a) => a.replace(/\s+/g, ' ')))
  return ok({
    ...page.value,
    subjects: { proprietary: [], alternatives: [] },
    product: { ...facts, license: licence.licence, aliases, alternativeTo: unique(facts.alternativeTo) },
  })
}

function unique(values: string[]): string[] {
  const seen = new Set<string>()
  return values.filter((v) => {
    const key = v.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The key a name or alias is matched on ("Microsoft Teams", "microsoft-teams", "MICROSOFT TEAMS"
 * are one): letters and digits only, lower case, without accents. Subjects, search and (issue 13)
 * figures name a product through it.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

export const emptyProductFacts = (kind: ProductKind): ProductFacts => ({
  kind, license: kind === 'proprietary' ? PROPRIETARY_LICENCE : '', vendor: '', homepage: '', repository: '', hosting: kind === 'proprietary' ? 'saas' : 'self-hosted', aliases: [], alternativeTo: [],
})

/**
 * Names each subject's product where one matches its name (or an alias): how subjects typed
 * before products existed become links. Subjects that already name a product keep it.
 */
export function linkSubjects(content: PageContent, slugOfName: (key: string) => string | null): PageContent {
  const link = <T extends { name: string; product?: string }>(s: T): T => {
    if (s.product) return s
    const slug = slugOfName(nameKey(s.name))
    return slug ? { ...s, product: slug } : s
  }
  return { ...content, subjects: { proprietary: content.subjects.proprietary.map(link), alternatives: content.subjects.alternatives.map(link) } }
}

/**
 * A product snapshot as an API client or the subjects picker sends it may leave out what a
 * product does not use: no subjects, and an empty description body.
 */
export function withProductDefaults(content: unknown): unknown {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return content
  const c = content as Record<string, unknown>
  return {
    subjects: { proprietary: [], alternatives: [] },
    body: { type: 'doc', content: [{ type: 'paragraph' }] },
    categories: [],
    summary: '',
    ...c,
  }
}

export type FactChange = { field: keyof ProductFacts; before: string; after: string }

/** What a product revision changes in the facts, field by field (the review page shows it). */
export function productFactsDiff(before: ProductFacts | null, after: ProductFacts): FactChange[] {
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : '')
  const fields: Array<keyof ProductFacts> = ['kind', 'license', 'vendor', 'homepage', 'repository', 'hosting', 'aliases', 'alternativeTo']
  return fields
    .map((field) => ({ field, before: before ? show(before[field]) : '', after: show(after[field]) }))
    .filter((c) => c.before !== c.after)
}

export interface ProductDraft {
  name: string
  content: PageContent
}

/**
 * One product per real product named by the subjects of these comparisons (migration 0021):
 * subjects whose names match (nameKey) are one product; the first mention gives vendor and
 * homepage, an alternative's licence and repository; an alternative is linked as an alternative
 * to the proprietary subjects it was compared with; categories are the registry slugs of the
 * comparisons that name it. Slugs follow the name; `taken` holds the slugs already in use.
 */
export function productsFromSubjects(pages: readonly PageContent[], taken: ReadonlySet<string>, slugify: (name: string) => string): Array<ProductDraft & { slug: string }> {
  const byKey = new Map<string, { name: string; kind: ProductKind; facts: ProductFacts; categories: Set<string>; lang: PageContent['lang']; against: Set<string> }>()
  for (const page of pages) {
    const categories = page.categories.map(categoryFromText).filter((c): c is string => c !== null)
    const proprietaryKeys = page.subjects.proprietary.map((s) => nameKey(s.name))
    const add = (s: { name: string; vendor: string; homepage: string; license?: string; repository?: string }, kind: ProductKind) => {
      const key = nameKey(s.name)
      if (key === '') return
      const entry = byKey.get(key) ?? { name: s.name, kind, lang: page.lang, categories: new Set<string>(), against: new Set<string>(), facts: { ...emptyProductFacts(kind), vendor: s.vendor, homepage: s.homepage } }
      if (kind === 'open-source') {
        entry.facts.license ||= s.license ?? ''
        entry.facts.repository ||= s.repository ?? ''
        for (const k of proprietaryKeys) entry.against.add(k)
      }
      entry.facts.vendor ||= s.vendor
      entry.facts.homepage ||= s.homepage
      for (const c of categories) entry.categories.add(c)
      byKey.set(key, entry)
    }
    for (const s of page.subjects.proprietary) add(s, 'proprietary')
    for (const s of page.subjects.alternatives) add(s, 'open-source')
  }
  const used = new Set(taken)
  const slugOf = new Map<string, string>()
  for (const [key, entry] of byKey) {
    let slug = slugify(entry.name)
    for (let n = 2; used.has(slug); n++) slug = `${slugify(entry.name)}-${n}`
    used.add(slug)
    slugOf.set(key, slug)
  }
  return [...byKey].map(([key, entry]) => ({
    name: entry.name,
    slug: slugOf.get(key)!,
    content: {
      title: entry.name, summary: '', lang: entry.lang, subjects: { proprietary: [], alternatives: [] }, categories: [...entry.categories],
      body: { type: 'doc', content: [{ type: 'paragraph' }] },
      product: { ...entry.facts, alternativeTo: entry.kind === 'open-source' ? [...entry.against].map((k) => slugOf.get(k)).filter((s): s is string => s !== undefined) : [] },
    },
  }))
}
