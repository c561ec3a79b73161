import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseForm } from '#test/forms'
import { translator } from '#app/core/i18n/index'
import { password, text } from './fields'
import { formatIssues } from './messages'

describe('text field', () => {
  const Schema = z.object({ note: text(5) })
  it.each([
    ['missing', {}, ''],
    ['empty', { note: '' }, ''],
    ['within the cut', { note: 'abc' }, 'abc'],
    ['longer than the cut', { note: 'abcdefgh' }, 'abcde'],
  ])('reads a %s field as the services take it', (_, fields, note) => {
    expect(parseForm(Schema, fields).value).toEqual({ note })
  })

  it('takes the first of repeated names, as form.get did', () => {
    expect(parseForm(Schema, [['note', 'one'], ['note', 'two']]).value).toEqual({ note: 'one' })
  })

  it('refuses a file where text belongs, saying the form could not be read', () => {
    const form = new FormData()
    form.append('note', new Blob(['x']), 'note.txt')
    const submission = parseWithZod(form, { schema: Schema, formatError: formatIssues(translator('en')) })
    expect(submission.status === 'error' && submission.error).toEqual({ note: [translator('en')('error.formBody.malformed')] })
  })
})

describe('password field', () => {
  const Schema = z.object({ secret: password() })
  it.each([
    ['missing', {}, ''],
    ['long', { secret: 'p'.repeat(5000) }, 'p'.repeat(5000)],
  ])('reads a %s field whole, never cut', (_, fields, secret) => {
    expect(parseForm(Schema, fields).value).toEqual({ secret })
  })
})
