import { describe, expect, it } from 'vitest'
import { parseReport, parseResolution, REPORT_COMMENT_MAX } from './reports'

const id = '01jdx0000000000000000000ab'

describe('parseReport', () => {
  it.each([
    ['a figure with a reason', { revisionId: id, target: 'figure', ordinal: '3', reason: 'outdated', comment: '' }, { ok: true }],
    ['a citation with a comment', { revisionId: id, target: 'citation', ordinal: 0, reason: 'dead-link', comment: '  404 since May  ' }, { ok: true }],
    ['no reason', { revisionId: id, target: 'figure', ordinal: '3' }, { ok: false, code: 'reason_required' }],
    ['an unknown reason', { revisionId: id, target: 'figure', ordinal: '3', reason: 'spam' }, { ok: false, code: 'reason_required' }],
    ['an unknown target kind', { revisionId: id, target: 'table', ordinal: '3', reason: 'outdated' }, { ok: false, code: 'invalid_target' }],
    ['a negative ordinal', { revisionId: id, target: 'figure', ordinal: '-1', reason: 'outdated' }, { ok: false, code: 'invalid_target' }],
    ['a malformed revision id', { revisionId: 'x', target: 'figure', ordinal: '1', reason: 'outdated' }, { ok: false, code: 'invalid_target' }],
    ['"other" without a comment', { revisionId: id, target: 'figure', ordinal: '1', reason: 'other', comment: ' ' }, { ok: false, code: 'comment_required' }],
    ['a comment too long', { revisionId: id, target: 'figure', ordinal: '1', reason: 'other', comment: 'x'.repeat(REPORT_COMMENT_MAX + 1) }, { ok: false, code: 'comment_too_long' }],
  ])('%s', (_name, fields, expected: { ok: boolean; code?: string }) => {
    const result = parseReport(fields)
    expect(result.ok).toBe(expected.ok)
    if (!result.ok) expect(result.issues[0]?.code).toBe(expected.code)
  })

  it('trims the comment and drops control characters', () => {
    const result = parseReport({ revisionId: id, target: 'citation', ordinal: '2', reason: 'dead-link', comment: ' gone\u0000 \n' })
    expect(result).toEqual({ ok: true, value: { revisionId: id, target: { kind: 'citation', ordinal: 2 }, reason: 'dead-link', comment: 'gone' } })
  })
})

describe('parseResolution', () => {
  it.each([
    ['upheld with a note', { reportId: id, resolution: 'upheld', note: 'The source says 4,000.' }, null],
    ['no resolution', { reportId: id, note: 'x' }, 'resolution_required'],
    ['no note', { reportId: id, resolution: 'dismissed', note: '  ' }, 'note_required'],
    ['no report', { resolution: 'dismissed', note: 'x' }, 'invalid_report'],
  ])('%s', (_name, fields, code) => {
    const result = parseResolution(fields)
    if (code === null) expect(result.ok).toBe(true)
    else expect(!result.ok && result.issues[0]?.code).toBe(code)
  })
})
