import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { RevisionVisibilitySchema } from './revision-visibility'

describe('RevisionVisibilitySchema', () => {
  it('hides the boxes ticked, with a listed reason', () => {
    const fields: Array<[string, string]> = [['hide', 'content'], ['hide', 'summary'], ['reason', 'personal-data'], ['note', ''], ['confirm', 'yes']]
    expect(parseForm(RevisionVisibilitySchema, fields).value).toEqual({ hide: ['content', 'summary'], reason: 'personal-data', note: '' })
  })

  it('shows everything again when no box is ticked (an admin’s unhide)', () => {
    expect(parseForm(RevisionVisibilitySchema, { reason: 'other', note: 'a mistake', confirm: 'yes' }).value).toEqual({ hide: [], reason: 'other', note: 'a mistake' })
  })

  it.each([
    ['the confirm box unticked', { hide: 'content', reason: 'personal-data' }, { confirm: ['Tick the box to confirm.'] }],
    ['an unknown part', { hide: 'title', reason: 'personal-data', confirm: 'yes' }, { hide: ['Choose the content, the summary or both.'] }],
    ['no reason', { hide: 'content', confirm: 'yes' }, { reason: ['Choose a reason.'] }],
    ['“other” without a note', { hide: 'content', reason: 'other', confirm: 'yes' }, { note: ['Say what in the note when the reason is “other”.'] }],
    ['a note too long', { hide: 'content', reason: 'personal-data', note: 'x'.repeat(501), confirm: 'yes' }, { note: ['A note has at most 500 characters.'] }],
  ])('refuses %s on the field it concerns', (_, fields, error) => {
    expect(parseForm(RevisionVisibilitySchema, fields).error).toEqual(error)
  })
})

describe('RevisionVisibilitySchema, free text', () => {
  it('reads a reason not on the list as “other”, with that text as the note (as the API does)', () => {
    expect(parseForm(RevisionVisibilitySchema, { hide: 'summary', reason: 'a rude summary', confirm: 'yes' }).value).toEqual({ hide: ['summary'], reason: 'other', note: 'a rude summary' })
  })
})
