import type { Alternative, DocNode, PageContent, Product } from '#app/core/content'
import { categoryFromText } from '#app/core/categories'
import { isLang, type Lang } from '#app/core/lang'
import type { Issue } from '#app/core/result'

/**
 * The editor's metadata form and the revision snapshot it becomes. Rows carry a key so React keeps
 * focus and input in the right row when one above is removed (keys of the rows a form starts with
 * come from their position, so the server's render and the browser's agree); rows left entirely
 * blank are dropped on save instead of failing validation ("Give the product a name").
 */
export interface ProductRow extends Product {
  key: string
}
export interface AlternativeRow extends Alternative {
  key: string
}

export interface PageForm {
  title: string
  summary: string
  lang: Lang
  proprietary: ProductRow[]
  alternatives: AlternativeRow[]
  /** Comma-separated, as typed. */
  categories: string
}

let lastKey = 0
/** A key for a row added in the browser. */
function rowKey(): string {
  lastKey += 1
  return `added-${lastKey}`
}

export const emptyProduct = (key = rowKey()): ProductRow => ({ key, name: '', vendor: '', homepage: '' })
export const emptyAlternative = (key = rowKey()): AlternativeRow => ({ key, name: '', vendor: '', homepage: '', license: '', repository: '' })
export const emptyBody = (): DocNode => ({ type: 'doc', content: [{ type: 'paragraph' }] })

/** A new comparison (the form adds one empty row on each side, so it shows what it asks for). */
export function newPageContent(lang: Lang): PageContent {
  return { title: '', summary: '', lang, subjects: { proprietary: [], alternatives: [] }, categories: [], body: emptyBody() }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const rows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : [])

/**
 * The form for a snapshot. It also takes what a person submitted and got back with an error,
 * which may be malformed: every field is read defensively so whatever was typed shows again.
 */
export function formFromContent(content: unknown, fallbackLang: Lang): PageForm {
  const c = isRecord(content) ? content : {}
  const subjects = isRecord(c.subjects) ? c.subjects : {}
  // The product a row names (a slug) rides along unchanged; rows without one keep none.
  const product = (r: Record<string, unknown>) => (typeof r.product === 'string' && r.product !== '' ? { product: r.product } : {})
  const proprietary = rows(subjects.proprietary).map((r, i) => ({ key: `p${i}`, name: str(r.name), vendor: str(r.vendor), homepage: str(r.homepage), ...product(r) }))
  const alternatives = rows(subjects.alternatives).map((r, i) => ({
    key: `a${i}`, name: str(r.name), vendor: str(r.vendor), homepage: str(r.homepage), license: str(r.license), repository: str(r.repository), ...product(r),
  }))
  return {
    title: str(c.title),
    summary: str(c.summary),
    lang: isLang(c.lang) ? c.lang : fallbackLang,
    proprietary: proprietary.length > 0 ? proprietary : [emptyProduct('p0')],
    alternatives: alternatives.length > 0 ? alternatives : [emptyAlternative('a0')],
    // Categories from before the registry become registry slugs where one fits (decision 020).
    categories: Array.isArray(c.categories)
      ? c.categories.filter((x): x is string => typeof x === 'string').map((x) => categoryFromText(x)).filter((x): x is string => x !== null).join(', ')
      : '',
  }
}

const blank = (row: object) => Object.entries(row).every(([k, v]) => k === 'key' || typeof v !== 'string' || v.trim() === '')
const productOf = (row: { product?: string }) => (row.product ? { product: row.product } : {})

/** Categories as typed ("messaging, video, messaging") → a list without blanks or repeats. */
export function parseCategories(input: string): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const part of input.split(/[,;\n]/)) {
    const category = part.trim().replace(/\s+/g, ' ')
    if (category === '' || seen.has(category.toLowerCase())) continue
    seen.add(category.toLowerCase())
    result.push(category)
  }
  return result
}

/** The snapshot to save. The server validates it; this only shapes and tidies. */
export function contentFromForm(form: PageForm, body: DocNode): PageContent {
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    lang: form.lang,
    subjects: {
      proprietary: form.proprietary.filter((r) => !blank(r)).map((r) => ({ name: r.name.trim(), vendor: r.vendor.trim(), homepage: r.homepage.trim(), ...productOf(r) })),
      alternatives: form.alternatives
        .filter((r) => !blank(r))
        .map((r) => ({ name: r.name.trim(), vendor: r.vendor.trim(), homepage: r.homepage.trim(), license: r.license.trim(), repository: r.repository.trim(), ...productOf(r) })),
    },
    categories: parseCategories(form.categories),
    body,
  }
}

/** Which form field a server issue path ("subjects.alternatives.1.license") belongs to. */
export type IssueField =
  | { field: 'title' | 'summary' | 'lang' | 'categories' | 'body' | 'other' }
  | { field: 'proprietary' | 'alternatives'; row: number; column: string | null }

export function issueField(path: string): IssueField {
  const parts = path.split('.')
  const [head, side, row, column] = parts
  if (head === 'title' || head === 'summary' || head === 'lang' || head === 'categories' || head === 'body') return { field: head }
  if (head === 'subjects' && (side === 'proprietary' || side === 'alternatives')) {
    const index = Number(row)
    return { field: side, row: Number.isInteger(index) ? index : 0, column: column ?? null }
  }
  return { field: 'other' }
}

/**
 * Row numbers in issue paths count the rows that were saved; blank rows in the form were skipped.
 * This gives the form row an issue belongs to.
 */
function formRowOfSavedRow(formRows: readonly object[], savedIndex: number): number {
  let seen = -1
  for (const [i, row] of formRows.entries()) {
    if (blank(row)) continue
    seen += 1
    if (seen === savedIndex) return i
  }
  return -1
}

/** Problems the server found, by form field; rows by their index in the form. */
export interface FormErrors {
  title?: string
  summary?: string
  lang?: string
  categories?: string
  body?: string
  proprietary?: Record<number, string>
  alternatives?: Record<number, string>
}

/** Puts each issue of a refused save next to the field it is about (the first issue per field wins). */
export function errorsFromIssues(issues: readonly Issue[], form: PageForm): FormErrors {
  const errors: FormErrors = {}
  for (const issue of issues) {
    const at = issueField(issue.path)
    if (at.field === 'proprietary' || at.field === 'alternatives') {
      const rowIndex = formRowOfSavedRow(form[at.field], at.row)
      const rows = (errors[at.field] ??= {})
      if (rowIndex >= 0) rows[rowIndex] ??= issue.message
    } else if (at.field !== 'other') {
      errors[at.field] ??= issue.message
    }
  }
  return errors
}
