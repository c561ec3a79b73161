import { describe, expect, it } from 'vitest'
import { parseReport, REPORT_COMMENT_MAX } from '#app/core/reports'
import type { Result } from '#app/core/result'
import { parseForm } from '#test/forms'
import { ReportSchema } from './report'

const ID = '01jbz3s2m4x5y6z7a8b9c0d1e2'
const codes = (result: Result<unknown>) => (result.ok ? [] : result.issues.map((i) => i.code))

describe('ReportSchema', () => {
  it('reads the target, the reason and the comment as text', () => {
    expect(parseForm(ReportSchema, { revisionId: ID, target: 'figure', ordinal: '2', reason: 'outdated', comment: 'From 2019.' }).value).toEqual({ revisionId: ID, target: 'figure', ordinal: '2', reason: 'outdated', comment: 'From 2019.' })
  })

  it('reads missing fields as empty', () => {
    expect(parseForm(ReportSchema, {}).value).toEqual({ revisionId: '', target: '', ordinal: '', reason: '', comment: '' })
  })

  it.each([
    ['no reason', { revisionId: ID, target: 'figure', ordinal: '0' }, ['reason_required']],
    ['an unknown target', { revisionId: ID, target: 'table', ordinal: '0', reason: 'outdated' }, ['invalid_target']],
    ['"other" without a comment', { revisionId: ID, target: 'figure', ordinal: '0', reason: 'other', comment: '  ' }, ['comment_required']],
    ['a comment just over the limit', { revisionId: ID, target: 'figure', ordinal: '0', reason: 'other', comment: 'x'.repeat(REPORT_COMMENT_MAX + 1) }, ['comment_too_long']],
  ])('leaves %s to parseReport, which says what is wrong', (_, fields, issues) => {
    expect(codes(parseReport(parseForm(ReportSchema, fields).value!))).toEqual(issues)
  })

  it('cuts a comment far beyond the limit', () => {
    expect(parseForm(ReportSchema, { comment: 'x'.repeat(5 * REPORT_COMMENT_MAX) }).value?.comment.length).toBe(2 * REPORT_COMMENT_MAX)
  })
})
