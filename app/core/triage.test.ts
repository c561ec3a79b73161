import { describe, expect, it } from 'vitest'
import { triage, type TriageInput } from './triage'

const base: TriageInput = { canPublish: true, findings: [], author: { approvedRevisions: 50, accountAgeDays: 400 }, figuresChanged: 0, newSourceDomains: 0, previousSize: 1000, size: 1000 }

describe('triage', () => {
  it.each([
    ['a trusted editor’s clean revision publishes', {}, 'approved', []],
    ['a non-trusted editor waits', { canPublish: false }, 'pending', ['not-trusted']],
    ['a trusted editor with an uncited figure waits', { findings: [{ kind: 'uncited-figure' as const }] }, 'pending', ['uncited-figures']],
    ['promotional language waits', { findings: [{ kind: 'marketing' as const }] }, 'pending', ['promotional-language']],
    ['a removed citation waits', { findings: [{ kind: 'citation-removed' as const }] }, 'pending', ['citations-removed']],
  ])('%s', (_name, overrides, status, reasons) => {
    const result = triage({ ...base, ...overrides })
    expect(result.status).toBe(status)
    expect(result.reasons).toEqual(reasons)
  })

  it('scores riskier revisions higher', () => {
    const calm = triage(base).risk
    const newcomer = triage({ ...base, author: { approvedRevisions: 0, accountAgeDays: 0 } }).risk
    const deletion = triage({ ...base, size: 200 }).risk
    const manyFindings = triage({ ...base, findings: Array.from({ length: 10 }, () => ({ kind: 'marketing' as const })) }).risk
    expect(calm).toBe(0)
    expect(newcomer).toBeGreaterThan(calm)
    expect(deletion).toBeGreaterThan(calm)
    expect(manyFindings).toBe(30)
  })
})
