import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docArbitrary } from '#test/fixtures/arbitraries'
import { citation, content, doc, figure, p, table, text } from '#test/fixtures/docs'
import type { DocNode } from './content'
import { jsonDepthExceeds, LIMITS, parseJson, validateBody, validateContent } from './document'

const codeOf = (r: { ok: boolean; issues?: Array<{ code: string }> }) => (r.ok ? 'ok' : r.issues![0]!.code)

describe('validateBody', () => {
  it('accepts what the editor makes: headings, lists, tables, links, figures and citations', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Users')] },
      p(text('Tchap had '), figure('220,000', { sourceId: 's1', quote: 'plus de 220 000 inscrits', asOf: '2021-03', metric: 'registered users' }), text(' users.'), citation('s1')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('one', [{ type: 'link', attrs: { href: 'https://example.org' } }]))] }] },
      table([text('Product'), text('Users')], [text('Tchap'), text('many')]),
    )
    const result = validateBody(body)
    expect(result.ok).toBe(true)
  })

  it.each([
    ['an unknown node type', doc({ type: 'script', content: [] }), 'unknown_node'],
    ['an unknown mark type', doc(p(text('x', [{ type: 'blink' }]))), 'unknown_mark'],
    ['a javascript: link', doc(p(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))), 'invalid_attribute'],
    ['a data: link', doc(p(text('x', [{ type: 'link', attrs: { href: 'data:text/html,hi' } }]))), 'invalid_attribute'],
    ['a relative link', doc(p(text('x', [{ type: 'link', attrs: { href: '/admin' } }]))), 'invalid_attribute'],
    ['a NUL character', doc(p(text('a\u0000b'))), 'control_character'],
    ['a bell character', doc(p(text('a\u0007b'))), 'control_character'],
    ['an empty text node', doc(p({ type: 'text', text: '' })), 'invalid_text'],
    ['an unknown attribute', doc({ type: 'paragraph', attrs: { onclick: 'x' }, content: [] }), 'unknown_attribute'],
    ['an unknown field', doc({ type: 'paragraph', content: [], style: 'x' } as never), 'unknown_field'],
    ['a level-1 heading', doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }), 'invalid_attribute'],
    ['a bad as-of date', doc(p(figure('5', { sourceId: 's', quote: 'q', asOf: 'March 2020' }))), 'invalid_attribute'],
    ['text directly in the doc', doc(text('loose')), 'invalid_structure'],
    ['a table cell outside a table', doc({ type: 'tableCell', content: [p(text('x'))] }), 'invalid_structure'],
    ['not a document', { type: 'paragraph' }, 'invalid_doc'],
    ['a string', 'hello', 'invalid_doc'],
  ])('rejects %s', (_name, body, code) => {
    expect(codeOf(validateBody(body))).toBe(code)
  })

  it('rejects documents nested deeper than the limit, without recursion', () => {
    let node: unknown = p(text('deep'))
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] }
    expect(codeOf(validateBody({ type: 'doc', content: [node] }))).toBe('too_deep')
  })

  it('rejects documents with too many nodes', () => {
    const paragraphs = Array.from({ length: LIMITS.maxNodes }, () => p(text('x')))
    expect(codeOf(validateBody(doc(...paragraphs)))).toBe('too_large')
  })

  it('returns canonical JSON that validates to itself', () => {
    const first = validateBody(doc(p(text('a')), table([text('h')], [text('c')])))
    expect(first.ok).toBe(true)
    if (!first.ok) return
    const second = validateBody(first.value)
    expect(second).toEqual(first)
  })
})

describe('parseJson', () => {
  it('refuses over-deep JSON before parsing it', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(codeOf(parseJson(deep))).toBe('too_deep')
  })
  it('ignores brackets inside strings', () => {
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[[[[[[[' }), 3)).toBe(false)
  })
  it('reports invalid JSON', () => {
    expect(codeOf(parseJson('{"a":'))).toBe('invalid_json')
  })
})

describe('validateContent', () => {
  it('accepts a full snapshot and trims text', () => {
    const result = validateContent(content(doc(p(text('x'))), { title: '  Teams vs Tchap  ' }))
    expect(result.ok && result.value.title).toBe('Teams vs Tchap')
  })
  it.each([
    ['a missing title', { title: '' }, 'title'],
    ['an unknown language', { lang: 'es' }, 'lang'],
    ['a javascript: homepage', { subjects: { proprietary: [{ name: 'X', vendor: '', homepage: 'javascript:alert(1)' }], alternatives: [] } }, 'subjects.proprietary.0.homepage'],
    ['a licence that is not SPDX', { subjects: { proprietary: [], alternatives: [{ name: 'X', vendor: '', homepage: '', license: 'free!', repository: '' }] } }, 'subjects.alternatives.0.license'],
  ])('names the field for %s', (_name, overrides, path) => {
    const result = validateContent({ ...content(doc(p(text('x')))), ...overrides })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path)
  })
})

describe('property: the validator never crashes', () => {
  const jsonish = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.record({ type: fc.constantFrom('doc', 'paragraph', 'text', 'heading', 'table', 'tableRow', 'tableCell', 'bulletList', 'listItem', 'citation', 'blockquote', 'x'), text: fc.option(fc.string(), { nil: undefined }), attrs: fc.option(fc.dictionary(fc.constantFrom('level', 'href', 'sourceId', 'colspan', 'x'), fc.oneof(fc.string(), fc.integer(), fc.constant(null))), { nil: undefined }), content: fc.option(fc.array(tie('node'), { maxLength: 4 }), { nil: undefined }), marks: fc.option(fc.array(fc.record({ type: fc.constantFrom('bold', 'link', 'figure', 'evil'), attrs: fc.option(fc.dictionary(fc.constantFrom('href', 'sourceId', 'asOf'), fc.string()), { nil: undefined }) }), { maxLength: 2 }), { nil: undefined }) }),
      fc.anything(),
    ),
  })).node
  it('returns a typed result for any input', () => {
    fc.assert(
      fc.property(jsonish, (input) => {
        const result = validateBody({ type: 'doc', content: [input] })
        expect(typeof result.ok).toBe('boolean')
        if (result.ok) expect(validateBody(result.value)).toEqual(result)
      }),
      { numRuns: 500 },
    )
  })
})

const markKey = (node: DocNode) => JSON.stringify([...(node.marks ?? [])].sort((a, b) => (a.type < b.type ? -1 : 1)))

/** Neighbouring texts with the same marks, joined: one text to ProseMirror, as to a reader. */
function joinTexts(node: DocNode): DocNode {
  if (!node.content) return node
  const content: DocNode[] = []
  for (const child of node.content.map(joinTexts)) {
    const last = content.at(-1)
    if (last?.type === 'text' && child.type === 'text' && markKey(last) === markKey(child)) {
      content[content.length - 1] = { ...last, text: last.text! + child.text! }
    } else content.push(child)
  }
  return { ...node, content }
}

/**
 * What was sent, as the stored form must keep it: every node in its place, every text, every mark
 * with every attribute that was given. The canonical form may only add what was left out (a
 * default attribute, an empty content list) and join neighbouring texts of the same marks.
 */
function expectKept(sent: DocNode, stored: DocNode, path = 'body'): void {
  expect(stored.type, path).toBe(sent.type)
  expect(stored.text, path).toBe(sent.text)
  for (const [name, value] of Object.entries(sent.attrs ?? {})) expect(stored.attrs?.[name], `${path}.attrs.${name}`).toEqual(value)
  const sentMarks = sent.marks ?? []
  expect((stored.marks ?? []).map((m) => m.type).sort(), `${path}.marks`).toEqual(sentMarks.map((m) => m.type).sort())
  for (const mark of sentMarks) {
    const kept = stored.marks!.find((m) => m.type === mark.type)!
    for (const [name, value] of Object.entries(mark.attrs ?? {})) expect(kept.attrs?.[name], `${path}.marks.${mark.type}.${name}`).toEqual(value)
  }
  const children = sent.content ?? []
  expect(stored.content ?? [], `${path}.content`).toHaveLength(children.length)
  children.forEach((child, i) => expectKept(child, stored.content![i]!, `${path}.content.${i}`))
}

describe('property: an accepted document round-trips unchanged', () => {
  it('keeps every node, text, mark and attribute that was sent, and validates to itself', () => {
    let accepted = 0
    fc.assert(
      fc.property(docArbitrary, (body) => {
        const result = validateBody(body)
        if (!result.ok) return
        accepted++
        expectKept(joinTexts(body), result.value)
        expect(validateBody(JSON.parse(JSON.stringify(result.value)))).toEqual(result)
      }),
      { numRuns: 400 },
    )
    // Hostile links and text make some documents invalid; most must still be accepted.
    expect(accepted).toBeGreaterThan(100)
  })
})
