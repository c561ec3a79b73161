import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvCell, parseCsv, toCsv } from './csv'

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+1', "'+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    [12, '12'],
    [true, 'true'],
    [null, ''],
    [undefined, ''],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })
})

describe('toCsv and parseCsv', () => {
  it('writes CRLF rows with a header', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y'], [null, 2]])).toBe('a,b\r\n1,"x,y"\r\n,2\r\n')
  })

  it('round-trips any text that does not start a formula', () => {
    const safeText = fc.string({ unit: 'grapheme' }).filter((s) => !/^[=+\-@\t\r]/.test(s))
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(['h1', 'h2'], rows))).toEqual([['h1', 'h2'], ...rows])
      }),
    )
  })
})
