import { describe, expect, it } from 'vitest'
import { translator } from '#app/core/i18n/index'
import { RESOLUTION_NOTE_MAX } from '#app/core/reports'
import { parseForm } from '#test/forms'
import { ResolveReportSchema } from './resolve-report'

const ID = '01jbz3s2m4x5y6z7a8b9c0d1e2'

describe('ResolveReportSchema', () => {
  it('upholds or dismisses a report with a public note, cleaned as it is shown', () => {
    expect(parseForm(ResolveReportSchema, { reportId: ID, resolution: 'upheld', note: '  Fixed in the next revision. ' }).value).toEqual({ reportId: ID, resolution: 'upheld', note: 'Fixed in the next revision.' })
  })

  it('cuts an overlong note to what is stored', () => {
    expect(parseForm(ResolveReportSchema, { reportId: ID, resolution: 'dismissed', note: 'x'.repeat(3 * RESOLUTION_NOTE_MAX) }).value?.note.length).toBe(RESOLUTION_NOTE_MAX)
  })

  it.each([
    ['no resolution', { reportId: ID, note: 'x' }, { resolution: ['Choose whether the report is upheld or dismissed.'] }],
    ['an unknown resolution', { reportId: ID, resolution: 'deleted', note: 'x' }, { resolution: ['Choose whether the report is upheld or dismissed.'] }],
    ['no note', { reportId: ID, resolution: 'upheld' }, { note: ['Give a public note explaining the resolution.'] }],
    ['a note of spaces', { reportId: ID, resolution: 'upheld', note: '   ' }, { note: ['Give a public note explaining the resolution.'] }],
  ])('refuses %s on the field it concerns', (_, fields, error) => {
    expect(parseForm(ResolveReportSchema, fields).error).toEqual(error)
  })

  it('refuses a report id that is not one as the form’s error', () => {
    expect(parseForm(ResolveReportSchema, { reportId: '../x', resolution: 'upheld', note: 'x' }).error).toEqual({ '': ['There is no such report.'] })
  })

  it('says it in the reader’s language', () => {
    expect(parseForm(ResolveReportSchema, { reportId: ID, resolution: 'upheld' }, 'de').error).toEqual({ note: [translator('de')('mod.resolve.issue.note_required')] })
  })

  it('keeps the note as typed for the reply', () => {
    expect(parseForm(ResolveReportSchema, { reportId: ID, note: ' typed ' }).submission.reply().initialValue).toEqual({ reportId: ID, note: ' typed ' })
  })
})
