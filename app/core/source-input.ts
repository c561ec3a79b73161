import { z } from 'zod'
import { SOURCE_KINDS, type SourceKind } from './content'
import { fail, ok, type Result } from './result'
import { isWebUrl } from './safe-url'

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/
const clean = (max: number) => z.string().trim().max(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Remove control characters.')

/** A new source as an editor submits it (API and source picker alike). */
const sourceInputSchema = z.object({
  url: z.string().trim().max(2048).refine(isWebUrl, 'Give the http:// or https:// address of the source.'),
  title: clean(300).min(1, 'Give the title of the source.'),
  publisher: clean(200).min(1, 'Name the publisher (the site, newspaper or body that published it).'),
  publishedAt: z.union([z.literal(''), z.null(), z.string().trim().regex(PARTIAL_DATE, 'Dates are YYYY, YYYY-MM or YYYY-MM-DD.')]).optional(),
  kind: z.enum(SOURCE_KINDS, { message: `The kind is one of: ${SOURCE_KINDS.join(', ')}.` }),
  lang: z.union([z.enum(['en', 'de', 'fr']), z.literal(''), z.null()]).optional(),
  archiveUrl: z.union([z.literal(''), z.null(), z.string().trim().max(2048).refine(isWebUrl, 'The archive link must be an http(s) address.')]).optional(),
})

export interface SourceInput {
  url: string
  title: string
  publisher: string
  publishedAt: string | null
  kind: SourceKind
  lang: 'en' | 'de' | 'fr' | null
  archiveUrl: string | null
}

export function validateSourceInput(input: unknown): Result<SourceInput> {
  const parsed = sourceInputSchema.safeParse(input)
  if (!parsed.success) return fail(...parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: String(i.code), message: i.message })))
  const v = parsed.data
  return ok({ url: v.url, title: v.title, publisher: v.publisher, publishedAt: v.publishedAt || null, kind: v.kind, lang: v.lang || null, archiveUrl: v.archiveUrl || null })
}
