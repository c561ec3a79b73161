import { EditorState } from '@tiptap/pm/state'
import { beforeAll, describe, expect, it } from 'vitest'
import { findingsOf, finishCheck, liveFindingsPlugin, startCheck } from '#app/components/editor/findings-extension'
import { analyseContent, type Finding } from '#app/core/analyse'
import type { DocNode } from '#app/core/content'
import { editorSchema } from '#app/core/editor-schema'
import type { Lang } from '#app/core/lang'
import { lintRequest } from '#app/core/lint'
import { reviewHighlights } from '#app/core/review-highlights'
import { referencedSourceIds } from '#app/core/source-refs'
import { listFindings } from '#app/models/evidence.server'
import { getRevision } from '#app/models/revisions.server'
import { existingSourceIds } from '#app/models/sources.server'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { citation, content, doc, figure, p, table, text } from '#test/fixtures/docs'
import { reviewRevision } from './review-revision.server'
import { saveRevision } from './save-revision.server'

/**
 * Issue 14: the editor's live checks, the lint API, the save and the review page run one analysis
 * and report the same findings for the same document, including "the quote does not show this
 * figure"; and a figure in any field keeps a trusted editor's revision from publishing.
 */

/** One document set: every kind of body finding, in every language, in paragraphs and table cells. */
function documents(sourceId: string): Array<{ name: string; lang: Lang; body: DocNode }> {
  return [
    {
      name: 'uncited figures in words, shares and digits',
      lang: 'en',
      body: doc(p(text('Over a million people use it, and 3/4 of ministries switched.')), p(text('1,000s of admins run 4,200 servers.'))),
    },
    {
      name: 'a quote that does not show its figure, and one that does',
      lang: 'en',
      body: doc(p(text('Tchap has '), figure('85,000', { sourceId, quote: 'Tchap compte 58 000 inscrits', asOf: '2021' }), text(' users and '), figure('220,000', { sourceId, quote: 'plus de 220 000 inscrits', asOf: '2021' }), text(' accounts.'))),
    },
    {
      name: 'promotional language and relative time in German, in a table cell',
      lang: 'de',
      body: doc(p(text('Die Plattform ist am schnellsten und spielend leicht.')), table([text('Produkt'), text('Nutzer')], [text('openDesk'), text('zwei Drittel der Behörden')]), p(text('Derzeit nutzen es jeder vierte Beamte.'))),
    },
    {
      name: 'French shares and superlatives, and a citation naming no known source',
      lang: 'fr',
      body: doc(p(text('La solution la plus fiable, utilisée par un agent sur cinq.'), citation('nowhere')), p(text('Les coûts ont baissé de deux tiers.'))),
    },
  ]
}

const comparable = (f: Pick<Finding, 'kind' | 'field' | 'text' | 'start' | 'end' | 'category' | 'message'>) => ({
  kind: f.kind, field: f.field, text: f.text, start: f.start, end: f.end, category: f.category, message: f.message,
})

describe.each(TEST_ENGINES)('one analysis everywhere on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let trusted: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let source: { id: string }
  beforeAll(async () => {
    trusted = await createUser(t.db, { role: 'trusted' })
    moderator = await createUser(t.db, { role: 'moderator' })
    source = await createSource(t.db)
  })

  it('editor, lint API, save and review page report the same findings for each document', async () => {
    const known = (ids: string[]) => existingSourceIds(t.db, ids)
    for (const [i, d] of documents(source.id).entries()) {
      // The lint API, as POST /api/v1/lint answers it.
      const linted = await lintRequest({ doc: d.body, lang: d.lang }, known)
      if (!linted.ok) throw new Error(JSON.stringify(linted.issues))
      const lintFindings = linted.value.findings.map(comparable)
      expect(lintFindings.length, d.name).toBeGreaterThan(0)

      // The editor: its live-check plugin fed with that answer, read back as plain-text findings.
      let state = EditorState.create({ schema: editorSchema, doc: editorSchema.nodeFromJSON(d.body), plugins: [liveFindingsPlugin()] })
      const sent = state.doc
      state = state.apply(startCheck(state.tr, 1))
      state = state.apply(finishCheck(state.tr, 1, sent, linted.value))
      const editorShown = findingsOf(state).map((f) => [f.finding, state.doc.textBetween(f.from, f.to), f.category, f.suggestion])
      const shownKinds = new Set<Finding['kind']>(['uncited-figure', 'quote-mismatch', 'marketing'])
      expect(editorShown, d.name).toEqual(lintFindings.filter((f) => shownKinds.has(f.kind)).map((f) => [f.kind, f.text, f.category, f.message]))

      // The save: a new page; its stored findings and the ones it answers with.
      const saved = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(d.body, { title: `One analysis ${engine.engine} ${'abcdefgh'[i]}`, lang: d.lang }), summary: '', idempotencyKey: null })
      if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`)
      expect(saved.revision.status, d.name).toBe('pending')
      const bodyOf = (findings: Finding[]) => findings.filter((f) => f.field === 'body' && f.kind !== 'citation-removed').map(comparable)
      expect(bodyOf(saved.revision.findings), d.name).toEqual(lintFindings)
      const stored = (await listFindings(t.db, saved.revision.id)).map((f) => ({ kind: f.kind, field: 'body', text: f.text, start: f.start, end: f.end, category: f.category, message: f.message }))
      expect(stored, d.name).toEqual(lintFindings)

      // The review page: the highlights it draws come from the same analysis of the stored snapshot.
      const revision = (await getRevision(t.db, saved.revision.id))!
      const review = analyseContent(revision.content, await existingSourceIds(t.db, referencedSourceIds(revision.content.body)), { editSummary: revision.summary })
      expect(bodyOf(review.findings), d.name).toEqual(lintFindings)
      const labels = { uncited: 'uncited', mismatch: 'mismatch', marketing: (category: string) => category }
      const highlighted = reviewHighlights(review.findings, labels).map((h) => [h.start, h.end, h.className])
      const expected = lintFindings
        .filter((f) => shownKinds.has(f.kind))
        .map((f) => [f.start, f.end, f.kind === 'marketing' ? 'hl-marketing' : f.kind === 'quote-mismatch' ? 'hl-mismatch' : 'hl-uncited'])
      expect(highlighted, d.name).toEqual(expected)
    }
  })

  it('calls a figure cited only when its source exists and its quote shows the number', async () => {
    const body = documents(source.id)[1]!.body
    const linted = await lintRequest({ doc: body, lang: 'en' }, (ids) => existingSourceIds(t.db, ids))
    expect(linted.ok && linted.value.figures.map((f) => [f.text, f.cited])).toEqual([['85,000', false], ['220,000', true]])
    expect(linted.ok && linted.value.findings.map((f) => [f.kind, f.text, f.message])).toEqual([['quote-mismatch', '85,000', 'The quote does not show this figure.']])
  })

  it.each([
    { field: 'title', overrides: { title: 'Tchap for 5,000 agencies' }, shown: '5,000' },
    { field: 'summary', overrides: { summary: 'Two thirds of ministries use it.' }, shown: 'Two thirds' },
    { field: 'subjects.alternatives.0.name', overrides: { subjects: { proprietary: [], alternatives: [{ name: 'Tchap (300,000 users)', vendor: 'DINUM', homepage: '', license: 'AGPL-3.0-only', repository: '' }] } }, shown: '300,000' },
    // Categories are chosen from the registry (decision 020): free text such as "used by a million
    // people" is refused as an unknown category before any figure rule applies.
  ])('keeps a trusted editor’s new page with a figure only in its $field from publishing, naming the field', async ({ field, overrides, shown }) => {
    const title = 'title' in overrides ? overrides.title : `Fields ${engine.engine} ${field}`
    const saved = await saveRevision(t.db, {
      actor: trusted, slug: null, baseRevisionId: null, summary: 'new page', idempotencyKey: null,
      content: content(doc(p(text('Tchap is a messenger.'))), { ...overrides, title } as never),
    })
    if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`)
    expect(saved.revision.status).toBe('pending')
    expect(saved.revision.findings.map((f) => [f.kind, f.field, f.text])).toEqual([['uncited-figure', field, shown]])
    // Stored with its field, and a moderator cannot approve it until the figure is gone.
    expect((await listFindings(t.db, saved.revision.id)).map((f) => [f.kind, f.category, f.text])).toEqual([['uncited-figure', field, shown]])
    expect(await reviewRevision(t.db, { moderator, revisionId: saved.revision.id, decision: 'approve', reason: '' })).toMatchObject({ ok: false, status: 409, code: 'uncited_figures' })
  })

  it('reads the edit summary with the same rule', async () => {
    const saved = await saveRevision(t.db, {
      actor: trusted, slug: null, baseRevisionId: null, summary: 'Tchap now has 375,000 users', idempotencyKey: null,
      content: content(doc(p(text('Tchap is a messenger.'))), { title: `Edit summary ${engine.engine}` }),
    })
    if (!saved.ok) throw new Error('save failed')
    expect(saved.revision.status).toBe('pending')
    expect(saved.revision.findings.filter((f) => f.kind === 'uncited-figure').map((f) => [f.field, f.text])).toEqual([['editSummary', '375,000']])
  })
})
