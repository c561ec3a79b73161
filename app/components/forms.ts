import { useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import { useT } from '#app/components/i18n'
import { formatIssues } from '#app/core/forms/messages'

/**
 * A form checked by its schema from app/core/forms, as its action checks it (Epic Stack's
 * pattern): the browser says the schema's errors, in the same words, before a round trip, and the
 * action's `lastResult` puts the person's input and the server's errors back into the fields —
 * on a page rendered without JavaScript too, since the first render reads it.
 *
 * Spread `{ id: form.id, onSubmit: form.onSubmit }` on the form, not Conform's `noValidate`: the
 * browser's own checks (`required`, `maxLength`, `pattern` in the markup) stay the first ones, as
 * they are on a page that never hydrates.
 */
export function useSchemaForm<Schema extends z.ZodType<unknown, Record<string, unknown>>>(id: string, schema: Schema, lastResult: SubmissionResult<string[]> | null | undefined) {
  const t = useT()
  // What comes back into a field is what the person typed: text, whatever the schema makes of it.
  return useForm<{ [K in keyof z.input<Schema>]?: string }, z.output<Schema>, string[]>({
    id,
    lastResult,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema, formatError: formatIssues(t) }),
  })
}

/**
 * The first error of an action's reply that no Conform form of the page reads: a row's button,
 * which posts no typed field, or an intent the page does not have (its error is on `intent`).
 */
export function replyError(result: SubmissionResult<string[]> | undefined, name = ''): string | undefined {
  return result?.error?.[name]?.[0]
}
