import fc from 'fast-check'
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
    ['a quote that does not show its figure waits', { findings: [{ kind: 'quote-mismatch' as const }] }, 'pending', ['quote-mismatch']],
    ['a citation of an unknown source waits', { findings: [{ kind: 'unknown-source' as const }] }, 'pending', ['unknown-source']],
    ['a non-trusted editor with findings waits for both reasons', { canPublish: false, findings: [{ kind: 'marketing' as const }] }, 'pending', ['not-trusted', 'promotional-language']],
    ['a trusted editor’s clean revision on top of others’ pending ones waits', { buildsOnPending: true }, 'pending', ['builds-on-pending']],
    ['a non-trusted editor on top of pending revisions waits as not trusted', { canPublish: false, buildsOnPending: true }, 'pending', ['not-trusted']],
    ['a trusted editor’s clean but risky revision still publishes: risk orders, it does not decide', { author: { approvedRevisions: 0, accountAgeDays: 0 }, newSourceDomains: 5, size: 10 }, 'approved', []],
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

  it('counts each factor of the issue: new account, figures changed, findings, new source domains, large deletions', () => {
    const risk = (overrides: Partial<TriageInput>) => triage({ ...base, ...overrides }).risk
    expect(risk({ author: { approvedRevisions: 50, accountAgeDays: 1 } })).toBe(30)
    expect(risk({ author: { approvedRevisions: 1, accountAgeDays: 400 } })).toBe(30)
    expect(risk({ figuresChanged: 2 })).toBe(10)
    expect(risk({ figuresChanged: 100 })).toBe(25)
    expect(risk({ findings: [{ kind: 'uncited-figure' }, { kind: 'marketing' }] })).toBe(25)
    expect(risk({ newSourceDomains: 1 })).toBe(10)
    expect(risk({ newSourceDomains: 9 })).toBe(30)
    expect(risk({ size: 690 })).toBe(25)
    expect(risk({ size: 710 })).toBe(0)
    expect(risk({ previousSize: null, size: 0 })).toBe(0)
    // Factors add up, each within its cap.
    expect(risk({ author: { approvedRevisions: 0, accountAgeDays: 0 }, figuresChanged: 1, findings: [{ kind: 'citation-removed' }], newSourceDomains: 1, size: 100 })).toBe(30 + 5 + 20 + 10 + 25)
    expect(risk({ buildsOnPending: true })).toBe(0)
  })

  it('decides only by trust and findings, never by the risk score', () => {
    const kinds = fc.constantFrom('uncited-figure', 'marketing', 'quote-mismatch', 'citation-removed', 'unknown-source') as fc.Arbitrary<TriageInput['findings'][number]['kind']>
    const input = fc.record({
      canPublish: fc.boolean(),
      buildsOnPending: fc.boolean(),
      findings: fc.array(kinds.map((kind) => ({ kind })), { maxLength: 6 }),
      author: fc.record({ approvedRevisions: fc.nat(100), accountAgeDays: fc.nat(1000) }),
      figuresChanged: fc.nat(20),
      newSourceDomains: fc.nat(5),
      previousSize: fc.option(fc.nat(100_000)),
      size: fc.nat(100_000),
    })
    fc.assert(
      fc.property(input, (i) => {
        const result = triage(i)
        expect(result.status).toBe(i.canPublish && !i.buildsOnPending && i.findings.length === 0 ? 'approved' : 'pending')
        expect(result.risk).toBeGreaterThanOrEqual(0)
      }),
    )
  })
})
