import { describe, expect, it } from 'vitest'
import { parseJson, validateContent } from '#app/core/document'
import { editorTranslator } from '#app/core/i18n/editor-messages'
import { LANGS } from '#app/core/lang'
import type { Issue } from '#app/core/result'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { localiseIssue } from './issue-messages'

const product = { name: 'X', vendor: '', homepage: '' }
const alternative = { ...product, license: '', repository: '' }
const deep = (levels: number) => {
  let node = p(text('deep'))
  for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] }
  return doc(node)
}

/** Snapshots the editor can send (or a pasted text can make) that the server refuses, one rule each. */
const refused: Array<[string, unknown, string]> = [
  ['a title too short', content(doc(p(text('x'))), { title: 'ab' }), 'too_short'],
  ['a title too long', content(doc(p(text('x'))), { title: 'T'.repeat(161) }), 'too_long'],
  ['a product without a name', content(doc(p(text('x'))), { subjects: { proprietary: [{ ...product, name: ' ' }], alternatives: [] } }), 'too_short'],
  ['an empty category', content(doc(p(text('x'))), { categories: [' '] }), 'too_short'],
  ['13 categories', content(doc(p(text('x'))), { categories: Array.from({ length: 13 }, (_, i) => `c${i}`) }), 'too_many'],
  ['an unknown language', { ...content(doc(p(text('x')))), lang: 'es' }, 'unknown_language'],
  ['a control character in the summary', content(doc(p(text('x'))), { summary: 'a\u0007b' }), 'control_character'],
  ['a homepage that is not a web address', content(doc(p(text('x'))), { subjects: { proprietary: [{ ...product, homepage: 'ftp://x.org' }], alternatives: [] } }), 'web_url'],
  ['a licence that is not SPDX', content(doc(p(text('x'))), { subjects: { proprietary: [], alternatives: [{ ...alternative, license: 'free!' }] } }), 'spdx'],
  ['a NUL in the text', content(doc(p(text('a\u0000b')))), 'control_character'],
  ['a broken character in the text', content(doc(p(text('a\ud800b')))), 'broken_character'],
  ['a javascript: link', content(doc(p(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])))), 'link_scheme'],
  ['an as-of date in words', content(doc(p(figure('5', { sourceId: 's', quote: 'q', asOf: 'March 2020' })))), 'as_of'],
  ['a body nested too deep', content(deep(40)), 'too_deep'],
  ['a body of too many nodes', content(doc(...Array.from({ length: 60_001 }, () => p()))), 'too_many_nodes'],
  ['a body of too much text', content(doc(p(text('y'.repeat(1_000_001))))), 'too_much_text'],
]

function firstIssue(input: unknown): Issue {
  const result = validateContent(input)
  if (result.ok) throw new Error('accepted')
  return result.issues[0]!
}

describe('localiseIssue', () => {
  it.each(refused)('says %s in English, German and French', (_name, input, rule) => {
    const issue = firstIssue(input)
    expect(issue.params?.rule).toBe(rule)
    const said = LANGS.map((lang) => localiseIssue(issue, editorTranslator(lang), lang))
    for (const local of said) expect(local).toMatchObject({ path: issue.path, code: issue.code })
    const [en, de, fr] = said.map((i) => i.message)
    // Each language has its own sentence; the German and French are not the API's English.
    expect(new Set([en, de, fr]).size).toBe(3)
    expect([de, fr]).not.toContain(issue.message)
  })

  it('gives numbers in the reader’s notation', () => {
    const issue = firstIssue(content(doc(p(text('y'.repeat(1_000_001))))))
    expect(localiseIssue(issue, editorTranslator('en'), 'en').message).toContain('1,000,000')
    expect(localiseIssue(issue, editorTranslator('de'), 'de').message).toContain('1.000.000')
    expect(localiseIssue(issue, editorTranslator('fr'), 'fr').message).toMatch(/1\s000\s000/)
  })

  it('says which product lacks a name, and that a category is empty', () => {
    const t = editorTranslator('de')
    expect(localiseIssue(firstIssue(refused[2]![1]), t, 'de').message).toBe('Geben Sie dem Produkt einen Namen.')
    expect(localiseIssue(firstIssue(refused[3]![1]), t, 'de').message).toBe('Eine Kategorie darf nicht leer sein.')
  })

  it('translates JSON the server could not read, and keeps the English of rules the editor cannot break', () => {
    const unreadable = parseJson('{"title": ', 'content')
    if (unreadable.ok) throw new Error('parsed')
    expect(localiseIssue(unreadable.issues[0]!, editorTranslator('fr'), 'fr').message).toMatch(/illisible/)
    const unknown = firstIssue(content(doc({ type: 'script', content: [] })))
    expect(localiseIssue(unknown, editorTranslator('de'), 'de')).toEqual(unknown)
  })
})
