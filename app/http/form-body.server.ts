import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import { formatIssues } from '#app/core/forms/messages'
import { translator } from '#app/core/i18n/index'
import { getUiLang } from '#app/http/lang.server'

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/**
 * Reads an HTML form's body for an action. A body that is not form data (text/plain, JSON, no
 * type) is thrown as a 415 and one that cannot be parsed (a multipart body whose boundary does
 * not match, a body cut off mid-way) as a 400, each with a message in the reader's language for
 * the shared error boundary — `request.formData()` alone throws a TypeError, which answered 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const t = translator(getUiLang(request))
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  // A form with no fields may be posted with no body and no type (fetch(url, { method: 'POST' })).
  if (type === '' && request.headers.get('content-length') === '0') return new FormData()
  if (!FORM_TYPES.has(type)) throw Response.json({ message: t('error.formBody.unsupported') }, { status: 415 })
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw Response.json({ message: t('error.formBody.malformed') }, { status: 400 })
  }
  // No field takes a NUL character, and PostgreSQL refuses one in any text it stores or compares.
  for (const value of form.values()) {
    if (typeof value === 'string' && value.includes('\0')) throw Response.json({ message: t('error.formBody.nul') }, { status: 400 })
  }
  return form
}

/**
 * Reads a form's body (as readFormData: 415, 400) and checks it against the form's schema from
 * app/core/forms: Conform's submission, whose `reply()` carries the person's input and the errors,
 * in the reader's language, back to the form.
 */
export async function readSubmission<Schema extends z.ZodType>(request: Request, schema: Schema) {
  const form = await readFormData(request)
  return parseWithZod(form, { schema, formatError: formatIssues(translator(getUiLang(request))) })
}
