import { z } from 'zod'
import { analyseBody } from './analyse'
import { validateBody } from './document'
import { findFigures } from './figures'
import { LANGS } from './lang'
import { findMarketing } from './marketing'
import { fail, ok, type Result } from './result'
import { referencedSourceIds } from './source-refs'

export interface LintResponse {
  figures: Array<{ text: string; start: number; end: number; cited: boolean }>
  marketing: Array<{ text: string; start: number; end: number; category: string; suggestion: string }>
}

const requestSchema = z.union([
  z.object({ text: z.string().max(1_000_000), lang: z.enum(LANGS) }).strict(),
  z.object({ doc: z.unknown(), lang: z.enum(LANGS) }).strict(),
])


/**
 * The lint API: `{ text, lang }` or `{ doc, lang }` → figures and promotional language with UTF-16
 * offsets into the plain text (for a doc, its text blocks joined by "\n"). Plain text has no
 * figure marks, so its figures are never cited.
 */
export async function lintRequest(input: unknown, knownSources: (ids: string[]) => Promise<Set<string>>): Promise<Result<LintResponse>> {
  const parsed = requestSchema.safeParse(input)
  if (!parsed.success) {
    return fail({ path: '', code: 'invalid_request', message: 'Send { "text": string, "lang": "en" | "de" | "fr" } or { "doc": TiptapDoc, "lang": … }.' })
  }
  const { lang } = parsed.data
  if ('text' in parsed.data) {
    const text = parsed.data.text
    return ok({
      figures: findFigures(text, lang).map((f) => ({ text: f.text, start: f.start, end: f.end, cited: false })),
      marketing: findMarketing(text, lang).map((m) => ({ text: m.text, start: m.start, end: m.end, category: m.category, suggestion: m.suggestion })),
    })
  }
  const body = validateBody(parsed.data.doc)
  if (!body.ok) return body
  const analysis = analyseBody(body.value, lang, await knownSources(referencedSourceIds(body.value)))
  return ok({
    figures: analysis.figures.map((f) => ({ text: f.text, start: f.start, end: f.end, cited: f.cited })),
    marketing: analysis.marketing.map((m) => ({ text: m.text, start: m.start, end: m.end, category: m.category, suggestion: m.suggestion })),
  })
}
