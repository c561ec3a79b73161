import { describe, expect, it } from 'vitest'
import { findFigures, parseFigure } from './figures'

// findFigures remembers recent texts (a save re-reads mostly unchanged blocks): the memory must
// never change an answer.
describe('findFigures on a text it has seen', () => {
  const text = 'In 2024 the service had 220,000 users, 40 % of them daily, on a €2.5m budget.'

  it('answers the same as the first time', () => {
    const first = findFigures(text, 'en')
    expect(first.map((f) => f.text)).toEqual(['220,000', '40 %', '€2.5m'])
    expect(findFigures(text, 'en')).toEqual(first)
    // Per language: the same text read as German is another reading.
    expect(findFigures('1.500 Nutzer', 'de')[0]!.value).toBe(1500)
    expect(findFigures('1.500 Nutzer', 'en')[0]!.value).toBe(1.5)
  })

  it('hands out copies, so a caller changing its result changes nothing for the next one', () => {
    const result = findFigures(text, 'en')
    result[0]!.value = -1
    result.pop()
    expect(findFigures(text, 'en').map((f) => f.value)).toEqual([220000, 40, 2500000])
  })

  it('still answers correctly after more texts than it keeps', () => {
    const answer = parseFigure('12,345', 'en')
    for (let i = 0; i < 12_000; i++) findFigures(`Paragraph ${i}: ${'word '.repeat(80)} and ${i * 7},000 users.`, 'en')
    expect(parseFigure('12,345', 'en')).toEqual(answer)
    expect(findFigures(text, 'en').map((f) => f.text)).toEqual(['220,000', '40 %', '€2.5m'])
  })
})
