import { describe, expect, it } from 'vitest'
import { validateContent } from '#app/core/document'
import { content, doc, p, text } from '#test/fixtures/docs'
import { contentFromForm, emptyAlternative, emptyProduct, errorsFromIssues, formFromContent, issueField, newPageContent, parseCategories, type PageForm } from './page-form'

const body = doc(p(text('Tchap has 375,000 users.')))

describe('formFromContent and contentFromForm', () => {
  it('round-trips a stored snapshot unchanged', () => {
    const stored = content(body, { categories: ['messaging', 'public-sector'] })
    expect(contentFromForm(formFromContent(stored, 'de'), stored.body)).toEqual(stored)
  })

  it('turns categories from before the registry into registry slugs, dropping what fits none', () => {
    const stored = content(body, { categories: ['messaging', 'public sector', 'France'] })
    expect(contentFromForm(formFromContent(stored, 'de'), stored.body).categories).toEqual(['messaging', 'public-sector'])
  })

  it('keeps the product a subject names', () => {
    const stored = content(body)
    const named = { ...stored, subjects: { proprietary: [{ name: 'Slack', vendor: '', homepage: '', product: 'slack' }], alternatives: [] } }
    expect(contentFromForm(formFromContent(named, 'en'), stored.body).subjects.proprietary).toEqual([{ name: 'Slack', vendor: '', homepage: '', product: 'slack' }])
  })

  it('gives a new page one empty row on each side and the UI language', () => {
    const form = formFromContent(newPageContent('fr'), 'en')
    expect(form.lang).toBe('fr')
    expect(form.proprietary).toHaveLength(1)
    expect(form.alternatives).toHaveLength(1)
    expect(form.proprietary[0]!.key).not.toBe(form.alternatives[0]!.key)
  })

  it('keys the starting rows by position, so the server and the browser render the same ids', () => {
    const stored = content(body)
    expect(formFromContent(stored, 'en').proprietary.map((r) => r.key)).toEqual(formFromContent(stored, 'en').proprietary.map((r) => r.key))
  })

  it('drops rows left blank and trims what was typed', () => {
    const form: PageForm = {
      title: '  Zoom vs Visio ',
      summary: ' Short. ',
      lang: 'en',
      proprietary: [{ ...emptyProduct(), name: ' Zoom ', vendor: 'Zoom Video' }, emptyProduct()],
      alternatives: [emptyAlternative(), { ...emptyAlternative(), name: 'Visio', license: ' EUPL-1.2 ', repository: 'https://example.org/visio' }],
      categories: 'video, , Video ,meetings',
    }
    expect(contentFromForm(form, body)).toEqual({
      title: 'Zoom vs Visio',
      summary: 'Short.',
      lang: 'en',
      subjects: {
        proprietary: [{ name: 'Zoom', vendor: 'Zoom Video', homepage: '' }],
        alternatives: [{ name: 'Visio', vendor: '', homepage: '', license: 'EUPL-1.2', repository: 'https://example.org/visio' }],
      },
      categories: ['video', 'meetings'],
      body,
    })
  })

  it('makes a snapshot the server accepts', () => {
    const form = formFromContent(content(body), 'en')
    expect(validateContent(contentFromForm(form, body)).ok).toBe(true)
  })

  it.each<[string, unknown]>([
    ['nothing', null],
    ['a string', 'x'],
    ['wrong field types', { title: 3, subjects: { proprietary: 'no', alternatives: [null, { name: 7 }] }, categories: [1, 'ok'], lang: 'xx' }],
  ])('reads %s defensively, keeping what it can', (_name, submitted) => {
    const form = formFromContent(submitted, 'de')
    expect(form.lang).toBe('de')
    expect(typeof form.title).toBe('string')
    expect(form.proprietary.length).toBeGreaterThan(0)
    expect(form.alternatives.every((r) => typeof r.name === 'string')).toBe(true)
  })
})

describe('parseCategories', () => {
  it.each([
    ['messaging, video', ['messaging', 'video']],
    ['a;b\nc', ['a', 'b', 'c']],
    ['  spaced   out  , Spaced Out', ['spaced out']],
    [' , ,', []],
  ])('%j → %j', (input, expected) => {
    expect(parseCategories(input)).toEqual(expected)
  })
})

describe('issues of a refused save', () => {
  it.each([
    ['title', { field: 'title' }],
    ['body.content.3', { field: 'body' }],
    ['subjects.alternatives.1.license', { field: 'alternatives', row: 1, column: 'license' }],
    ['subjects.proprietary.0', { field: 'proprietary', row: 0, column: null }],
    ['content', { field: 'other' }],
  ])('%s belongs to %j', (path, expected) => {
    expect(issueField(path)).toEqual(expected)
  })

  it('finds the form row of a saved row when blank rows were skipped', () => {
    const form = formFromContent(content(body), 'en')
    form.alternatives = [emptyAlternative(), { ...emptyAlternative(), name: 'Tchap', license: 'not a licence!' }]
    const errors = errorsFromIssues(
      [
        { path: 'subjects.alternatives.0.license', code: 'custom', message: 'Use an SPDX licence identifier.' },
        { path: 'title', code: 'too_small', message: 'The title needs at least 3 characters.' },
        { path: 'title', code: 'other', message: 'second title issue' },
      ],
      form,
    )
    expect(errors).toEqual({ alternatives: { 1: 'Use an SPDX licence identifier.' }, title: 'The title needs at least 3 characters.' })
  })
})
