import { z } from 'zod'
import { analyseBody, analyseContent, type Finding } from './analyse'
import type { DocNode } from './content'
import { validateBody, validateContent } from './document'
import { LANGS } from './lang'
import type { MetricRegistry } from './metrics'
import { fail, ok, type Result } from './result'
import { referencedSourceIds } from './source-refs'

export interface LintResponse {
  figures: Array<{ text: string; start: number; end: number; cited: boolean }>
  marketing: Array<{ text: string; start: number; end: number; category: string; suggestion: string }>
  /**
   * Every finding, as the save stores them and the review page shows them: uncited figures, quotes
   * that do not show their figure, unknown sources, promotional language; each names its field.
   */
  findings: Array<Finding & { code: string }>
}

/** DESIGN.md names each finding by a `code`; promotional language is `promotional` there. */
function withCode(f: Finding): Finding & { code: string } {
  return { code: f.kind === 'marketing' ? 'promotional' : f.kind, ...f }
}

const requestSchema = z.union([
  z.object({ text: z.string().max(1_000_000), lang: z.enum(LANGS) }).strict(),
  z.object({ doc: z.unknown(), lang: z.enum(LANGS) }).strict(),
  z.object({ content: z.unknown(), editSummary: z.string().max(500).optional() }).strict(),
])

/** Plain text as a document of one paragraph per line: the same offsets, and the same analysis. */
function textDoc(text: string): DocNode {
  return { type: 'doc', content: text.split('\n').map((line) => ({ type: 'paragraph', content: line === '' ? [] : [{ type: 'text', text: line }] })) }
}

/**
 * The lint API: `{ text, lang }`, `{ doc, lang }` or a whole snapshot `{ content, editSummary? }` →
 * figures, promotional language and findings with UTF-16 offsets into the plain text (for a doc,
 * its text blocks joined by "\n"; for a snapshot, into the field each finding names). It runs the
 * analysis the save runs, so what it says is what the save will say. Plain text has no figure
 * marks, so its figures are never cited.
 */
export async function lintRequest(input: unknown, knownSources: (ids: string[]) => Promise<Set<string>>, metrics?: MetricRegistry): Promise<Result<LintResponse>> {
  const parsed = requestSchema.safeParse(input)
  if (!parsed.success) {
    return fail({ path: '', code: 'invalid_request', message: 'Send { "text": string, "lang": "en" | "de" | "fr" }, { "doc": TiptapDoc, "lang": … } or { "content": PageContent }.' })
  }
  const request = parsed.data
  let body: DocNode
  let analysis
  if ('content' in request) {
    const content = validateContent(request.content)
    if (!content.ok) return content
    body = content.value.body
    analysis = analyseContent(content.value, await knownSources(referencedSourceIds(body)), { editSummary: request.editSummary, metrics })
  } else {
    if ('text' in request) body = textDoc(request.text)
    else {
      const validated = validateBody(request.doc)
      if (!validated.ok) return validated
      body = validated.value
    }
    analysis = analyseBody(body, request.lang, await knownSources(referencedSourceIds(body)), metrics)
  }
  return ok({
    figures: analysis.figures.map((f) => ({ text: f.text, start: f.start, end: f.end, cited: f.cited })),
    marketing: analysis.marketing.map((m) => ({ text: m.text, start: m.start, end: m.end, category: m.category, suggestion: m.suggestion })),
    findings: analysis.findings.map(withCode),
  })
}
