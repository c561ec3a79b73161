import { describe, expect, it } from 'vitest'
import { claimFixed, disputeReason, disputedTargets } from './disputes'

describe('disputeReason', () => {
  const support = { key: 'figure:s:5', reporters: 1, trustedReporter: false, confirmed: false }
  it.each([
    ['one anonymous reader', support, null],
    ['two readers under a threshold of three', { ...support, reporters: 2 }, null],
    ['three distinct readers', { ...support, reporters: 3 }, 'readers'],
    ['a trusted reporter alone', { ...support, trustedReporter: true }, 'trusted-reporter'],
    ['an upheld report, whatever else', { ...support, reporters: 0, confirmed: true, trustedReporter: true }, 'confirmed'],
  ])('%s → %s', (_name, s, expected) => {
    expect(disputeReason(s, 3)).toBe(expected)
  })

  it('follows the configured threshold', () => {
    expect(disputeReason({ ...support, reporters: 1 }, 1)).toBe('readers')
    expect(disputedTargets([support, { ...support, key: 'k2', reporters: 5 }], 5)).toEqual(new Map([['k2', 'readers']]))
  })
})

describe('claimFixed', () => {
  it('a claim that is gone (another value, another source, removed) is fixed', () => {
    expect(claimFixed(['"q"'], [])).toBe(true)
  })
  it('the same claim with the same quote is not fixed; another quote is', () => {
    expect(claimFixed(['"q"'], ['"q"'])).toBe(false)
    expect(claimFixed(['"q"', '"r"'], ['"r"', '"q"'])).toBe(false)
    expect(claimFixed(['"q"'], ['"better quote"'])).toBe(true)
  })
  it('without a record of the claim only its removal fixes it', () => {
    expect(claimFixed(null, ['"q"'])).toBe(false)
  })
})
