import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import { formatIssues } from '#app/core/forms/messages'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'

/**
 * A form schema's verdict on fields as a browser posts them, the way the action reads them
 * (Conform's parseWithZod: empty fields count as missing), with the errors in `lang`.
 */
export function parseForm<Schema extends z.ZodType>(schema: Schema, fields: Record<string, string> | Array<[string, string]>, lang: Lang = 'en') {
  const submission = parseWithZod(new URLSearchParams(fields), { schema, formatError: formatIssues(translator(lang)) })
  return {
    submission,
    value: submission.status === 'success' ? submission.value : undefined,
    error: submission.status === 'success' ? undefined : submission.error,
  }
}
