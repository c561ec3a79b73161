import { z } from 'zod'
import { isCategorySlug } from './categories'
import { checkLicence } from './licence'
import type { DocNode, PageContent } from './content'
import { editorSchema, HEADING_LEVELS } from './editor-schema'
import { LANGS } from './lang'
import { LIMITS } from './limits'
import { fail, ok, type Issue, type IssueParams, type Result } from './result'
import { isSafeUrl, isWebUrl } from './safe-url'
import { checkAsOf, todayIso } from './as-of'

export { LIMITS }


// C0 and C1 controls (but tab) and NUL corrupt text silently or hide content from moderators.
const CONTROL_CHARS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/

/**
 * Finds out, without parsing, whether JSON text nests deeper than `maxDepth`: the check runs
 * before JSON.parse so a 100,000-level document is refused cheaply instead of being built.
 */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > maxDepth) return true
    } else if (c === 125 || c === 93) depth--
  }
  return false
}

// Each document level is two JSON levels ({ "content": [ ... ] }), plus the content envelope.
const MAX_JSON_DEPTH = LIMITS.maxDepth * 2 + 8

/** Parses a JSON request body or form field, refusing over-deep input before parsing it. */
export function parseJson(text: string, path = ''): Result<unknown> {
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    return fail({ path, code: 'too_deep', message: `The document is nested more than ${LIMITS.maxDepth} levels deep.`, params: { rule: 'too_deep', limit: LIMITS.maxDepth } })
  }
  try {
    return ok(JSON.parse(text) as unknown)
  } catch {
    return fail({ path, code: 'invalid_json', message: 'The document is not valid JSON.', params: { rule: 'invalid_json' } })
  }
}

// `params.rule` lets the editor say each problem in its own language (see contentIssue).
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'Remove control characters.', params: { rule: 'control_character' } })
const optionalWebUrl = z
  .string()
  .trim()
  .max(2048, 'At most 2048 characters.')
  .refine((s) => s === '' || isWebUrl(s), { message: 'Use an http:// or https:// address.', params: { rule: 'web_url' } })
// SPDX licence expressions such as "AGPL-3.0-only" or "MIT OR Apache-2.0".
const SPDX = /^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$/

const productSchema = z.object({
  name: text(100).min(1, 'Give the product a name.'),
  vendor: text(100),
  homepage: optionalWebUrl,
  product: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Name the product by its address, e.g. microsoft-teams.').max(80).optional(),
})

const contentSchema = z.object({
  title: text(160).min(3, 'The title needs at least 3 characters.'),
  summary: text(500),
  lang: z.enum(LANGS),
  subjects: z.object({
    proprietary: z.array(productSchema).max(12, 'At most 12 products.'),
    alternatives: z
      .array(
        productSchema.extend({
          license: text(100).superRefine((s, ctx) => {
            if (s === '') return
            if (!SPDX.test(s)) {
              ctx.addIssue({ code: 'custom', message: 'Use an SPDX licence identifier, e.g. AGPL-3.0-only.', params: { rule: 'spdx' } })
              return
            }
            // An alternative is open source: the product rule applies (source-available and unknown ids refused).
            const checked = checkLicence('open-source', s)
            if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, params: { rule: checked.code } })
          }),
          repository: optionalWebUrl,
        }),
      )
      .max(12, 'At most 12 alternatives.'),
  }),
  categories: z
    .array(
      text(40)
        .min(1, 'A category cannot be empty.')
        .refine(isCategorySlug, { message: 'Choose categories from the list at /categories (e.g. messaging, office-suite).', params: { rule: 'unknown_category' } }),
    )
    .max(12, 'At most 12 categories.'),
  body: z.unknown(),
})

/** Validates a whole revision snapshot; returns it normalised (trimmed, body in canonical JSON). */
export function validateContent(input: unknown): Result<PageContent> {
  const parsed = contentSchema.safeParse(input)
  if (!parsed.success) {
    return fail(...parsed.error.issues.map(contentIssue))
  }
  const body = validateBody(parsed.data.body)
  if (!body.ok) return body
  return ok({ ...parsed.data, body: body.value })
}

/** A metadata issue with the rule it breaks, so the editor can say it in DE and FR too. */
function contentIssue(i: z.core.$ZodIssue): Issue {
  const issue: Issue = { path: i.path.join('.'), code: String(i.code), message: i.message }
  const params = ((): IssueParams | null => {
    switch (i.code) {
      case 'too_big':
        return { rule: i.origin === 'array' ? 'too_many' : 'too_long', limit: Number(i.maximum) }
      case 'too_small':
        return { rule: 'too_short', limit: Number(i.minimum) }
      case 'invalid_value':
        return issue.path === 'lang' ? { rule: 'unknown_language' } : null
      case 'custom':
        return typeof i.params?.rule === 'string' ? { rule: i.params.rule } : null
      default:
        return null
    }
  })()
  return params ? { ...issue, params } : issue
}

const ATTR_CHECKS: Record<string, Record<string, (v: unknown) => string | null>> = {
  heading: { level: (v) => (HEADING_LEVELS.includes(v as 2) ? null : `Heading levels are ${HEADING_LEVELS.join(', ')}.`) },
  orderedList: { start: (v) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1e6 ? null : 'A list must start at a whole number.'), type: nullOrShortString },
  tableCell: cellAttrs(),
  tableHeader: cellAttrs(),
  link: {
    href: (v) => (isSafeUrl(v) ? null : LINK_SCHEME),
    target: (v) => (v === null || v === '_blank' ? null : 'A link target can only be _blank.'),
    rel: nullOrShortString,
    class: (v) => (v === null ? null : 'Links cannot carry a class.'),
    title: nullOrShortString,
  },
  figure: {
    sourceId: nullOrShortString,
    quote: nullOrLongString,
    asOf: asOfProblem,
    metric: nullOrShortString,
    metricDefinition: nullOrLongString,
    product: (v) => (v === null || (typeof v === 'string' && PRODUCT_SLUG.test(v) && v.length <= 80) ? null : PRODUCT_REF),
  },
  citation: { sourceId: nullOrShortString, quote: nullOrLongString, locator: nullOrShortString },
}

const LINK_SCHEME = 'Links must use http, https or mailto.'
const AS_OF_FORMAT = 'As-of dates are YYYY, YYYY-MM or YYYY-MM-DD, or "undated" when the source gives no date.'
const AS_OF_CALENDAR = 'The as-of date is not a real calendar date (check the month and the day).'
const AS_OF_FUTURE = 'The as-of date lies in the future; give the date the source states, or "undated".'
const PRODUCT_REF = 'Name the product by its address, e.g. tchap.'
const PRODUCT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
const ATTR_RULES: Record<string, string> = {
  [LINK_SCHEME]: 'link_scheme',
  [AS_OF_FORMAT]: 'as_of',
  [AS_OF_CALENDAR]: 'as_of_calendar',
  [AS_OF_FUTURE]: 'as_of_future',
  [PRODUCT_REF]: 'product_ref',
}

/**
 * A figure's as-of value: the shape, a real calendar date and not after today. The source's own
 * date is checked where sources are at hand (the save, app/core/figure-dates.ts).
 */
function asOfProblem(v: unknown): string | null {
  if (v === null) return null
  if (typeof v !== 'string') return AS_OF_FORMAT
  switch (checkAsOf(v, { today: todayIso() })) {
    case null:
    case 'after-source':
      return null
    case 'format':
      return AS_OF_FORMAT
    case 'calendar':
      return AS_OF_CALENDAR
    case 'future':
      return AS_OF_FUTURE
  }
}

function cellAttrs(): Record<string, (v: unknown) => string | null> {
  const span = (v: unknown) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 50 ? null : 'Cells span 1 to 50 rows or columns.')
  return {
    colspan: span,
    rowspan: span,
    colwidth: (v) => (v === null || (Array.isArray(v) && v.length <= 50 && v.every((n) => Number.isInteger(n) && n > 0 && n < 5000)) ? null : 'Column widths are whole pixels.'),
    align: (v) => (v === null || v === 'left' || v === 'center' || v === 'right' ? null : 'Cells align left, center or right.'),
  }
}
function nullOrShortString(v: unknown): string | null {
  return v === null || (typeof v === 'string' && v.length <= 500 && !CONTROL_CHARS.test(v)) ? null : 'Expected a short text without control characters.'
}
function nullOrLongString(v: unknown): string | null {
  return v === null || (typeof v === 'string' && v.length <= LIMITS.maxAttrChars && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v))
    ? null
    : `Expected a text of at most ${LIMITS.maxAttrChars} characters.`
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Checks one node's own shape (not its children); returns the problem or null. */
function checkNode(node: unknown, path: string): Issue | null {
  if (!isRecord(node)) return { path, code: 'invalid_node', message: 'Every node must be an object.' }
  const type = node.type
  if (typeof type !== 'string' || !(type in editorSchema.nodes)) {
    return { path, code: 'unknown_node', message: `Unknown node type "${String(type).slice(0, 40)}".` }
  }
  for (const key of Object.keys(node)) {
    if (!['type', 'attrs', 'content', 'marks', 'text'].includes(key)) {
      return { path, code: 'unknown_field', message: `Unknown field "${key.slice(0, 40)}" on a ${type} node.` }
    }
  }
  if (type === 'text') {
    if (typeof node.text !== 'string' || node.text.length === 0) return { path, code: 'invalid_text', message: 'Text nodes need text.' }
    if (CONTROL_CHARS.test(node.text)) return { path, code: 'control_character', message: 'The text contains a control character (such as NUL); remove it.', params: { rule: 'control_character' } }
    if (!node.text.isWellFormed()) return { path, code: 'invalid_text', message: 'The text contains a broken character.', params: { rule: 'broken_character' } }
  } else if (node.text !== undefined) {
    return { path, code: 'invalid_text', message: `A ${type} node cannot carry text.` }
  }
  const attrIssue = checkAttrs(type, node.attrs, editorSchema.nodes[type]!.spec.attrs ?? {}, path)
  if (attrIssue) return attrIssue
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks) || node.marks.length > 10) return { path, code: 'invalid_marks', message: 'Marks must be a short list.' }
    for (const [i, mark] of node.marks.entries()) {
      const markPath = `${path}.marks.${i}`
      if (!isRecord(mark) || typeof mark.type !== 'string' || !(mark.type in editorSchema.marks)) {
        return { path: markPath, code: 'unknown_mark', message: `Unknown mark type "${String(isRecord(mark) ? mark.type : mark).slice(0, 40)}".` }
      }
      const issue = checkAttrs(mark.type, mark.attrs, editorSchema.marks[mark.type]!.spec.attrs ?? {}, markPath)
      if (issue) return issue
    }
  }
  if (node.content !== undefined && !Array.isArray(node.content)) {
    return { path, code: 'invalid_content', message: `The content of a ${type} node must be a list.` }
  }
  return null
}

function checkAttrs(type: string, attrs: unknown, spec: Record<string, unknown>, path: string): Issue | null {
  if (attrs === undefined || attrs === null) return null
  if (!isRecord(attrs)) return { path, code: 'invalid_attrs', message: `The attributes of ${type} must be an object.` }
  const checks = ATTR_CHECKS[type] ?? {}
  for (const [name, value] of Object.entries(attrs)) {
    if (!(name in spec)) return { path, code: 'unknown_attribute', message: `Unknown attribute "${name.slice(0, 40)}" on ${type}.` }
    const problem = (checks[name] ?? nullOrShortString)(value)
    if (problem) {
      const rule = ATTR_RULES[problem]
      return { path: `${path}.attrs.${name}`, code: 'invalid_attribute', message: `${type}.${name}: ${problem}`, ...(rule ? { params: { rule } } : {}) }
    }
  }
  return null
}

/**
 * Validates a Tiptap body: the walk checks depth, size, node and mark types and every attribute
 * (link URLs included) before ProseMirror checks the structure; returns canonical JSON.
 */
export function validateBody(input: unknown): Result<DocNode> {
  if (!isRecord(input) || input.type !== 'doc') return fail({ path: 'body', code: 'invalid_doc', message: 'The body must be a document.' })
  const walked = walk(input)
  if (walked) return fail(walked)
  let canonical: DocNode
  try {
    const doc = editorSchema.nodeFromJSON(input)
    doc.check()
    canonical = doc.toJSON() as DocNode
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid structure'
    return fail({ path: 'body', code: 'invalid_structure', message: `The document structure is invalid: ${message.slice(0, 200)}` })
  }
  // ProseMirror fills in defaults (a heading without a level becomes level 1): the canonical form
  // must pass the same checks, or a stored document would not validate again.
  const again = walk(canonical)
  return again ? fail(again) : ok(canonical)
}

/** The checks that run before parsing: depth, size, and every node, mark and attribute. */
function walk(input: Record<string, unknown> | DocNode): Issue | null {
  const stack: Array<{ node: unknown; depth: number; path: string }> = [{ node: input, depth: 1, path: 'body' }]
  let nodes = 0
  let chars = 0
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!
    if (depth > LIMITS.maxDepth) return { path, code: 'too_deep', message: `The document is nested more than ${LIMITS.maxDepth} levels deep.`, params: { rule: 'too_deep', limit: LIMITS.maxDepth } }
    if (++nodes > LIMITS.maxNodes) return { path: 'body', code: 'too_large', message: `The document has more than ${LIMITS.maxNodes} nodes; split the page.`, params: { rule: 'too_many_nodes', limit: LIMITS.maxNodes } }
    const issue = checkNode(node, path)
    if (issue) return issue
    const record = node as Record<string, unknown>
    if (typeof record.text === 'string' && (chars += record.text.length) > LIMITS.maxTextChars) {
      return { path: 'body', code: 'too_large', message: `The document has more than ${LIMITS.maxTextChars} characters; split the page.`, params: { rule: 'too_much_text', limit: LIMITS.maxTextChars } }
    }
    const children = record.content as unknown[] | undefined
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1, path: `${path}.content.${i}` })
  }
  return null
}
