import { describe, expect, it } from 'vitest'
import { CLAIM_TEXT_MAX, NOTE_MAX, SEEN_AT_MAX, parseSettlement, parseUnverifiedClaim } from '#app/core/claims'
import type { Result } from '#app/core/result'
import { parseForm } from '#test/forms'
import { UnverifiedClaimSchema } from './unverified-claims'

const ID = '01jbz3s2m4x5y6z7a8b9c0d1e2'
const EMPTY = { claimId: '', text: '', seenAt: '', product: '', metric: '', status: '', figure: '', note: '' }
const issues = (result: Result<unknown>) => (result.ok ? [] : result.issues.map((i) => [i.path, i.code]))

describe('UnverifiedClaimSchema', () => {
  it.each([
    [{ intent: 'record', text: 'Tchap has 170,000 accounts', seenAt: 'A talk', product: 'tchap', metric: 'registered-accounts' }, { ...EMPTY, intent: 'record', text: 'Tchap has 170,000 accounts', seenAt: 'A talk', product: 'tchap', metric: 'registered-accounts' }],
    [{ intent: 'settle', claimId: ID, status: 'verified', figure: '/pages/teams-vs-tchap#fig-3' }, { ...EMPTY, intent: 'settle', claimId: ID, status: 'verified', figure: '/pages/teams-vs-tchap#fig-3' }],
    [{ intent: 'reopen', claimId: ID, note: 'Wrong figure linked' }, { ...EMPTY, intent: 'reopen', claimId: ID, note: 'Wrong figure linked' }],
  ])('reads %j', (fields, value) => {
    expect(parseForm(UnverifiedClaimSchema, fields).value).toEqual(value)
  })

  it.each([
    ['no intent', {}],
    ['an unknown intent', { intent: 'delete' }],
  ])('records for %s, as the page always has', (_, fields) => {
    expect(parseForm(UnverifiedClaimSchema, fields).value?.intent).toBe('record')
  })

  it('leaves missing text to parseUnverifiedClaim, which says what is missing', () => {
    expect(issues(parseUnverifiedClaim(parseForm(UnverifiedClaimSchema, { text: '  ' }).value))).toEqual([['text', 'required'], ['seenAt', 'required']])
  })

  it('keeps text just over each limit, for the rules to say it is too long', () => {
    const value = parseForm(UnverifiedClaimSchema, { text: 'x'.repeat(CLAIM_TEXT_MAX + 1), seenAt: 'x'.repeat(SEEN_AT_MAX + 1), product: 'x'.repeat(101), note: 'x'.repeat(NOTE_MAX + 1) }).value!
    expect(issues(parseUnverifiedClaim(value))).toEqual([['text', 'too_long'], ['seenAt', 'too_long'], ['product', 'too_long']])
    expect(issues(parseSettlement({ ...value, status: 'no-source' }))).toEqual([['note', 'too_long']])
  })

  it('leaves the settlement to parseSettlement: no figure for a verified claim is its error', () => {
    expect(issues(parseSettlement(parseForm(UnverifiedClaimSchema, { intent: 'settle', claimId: ID, status: 'verified' }).value!))).toEqual([['figure', 'invalid']])
  })

  it('cuts text far beyond the limits', () => {
    expect(parseForm(UnverifiedClaimSchema, { note: 'x'.repeat(5 * NOTE_MAX) }).value?.note.length).toBe(2 * NOTE_MAX)
  })
})
