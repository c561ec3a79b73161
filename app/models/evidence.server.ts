import type { AnalysedCitation, AnalysedFigure, Finding } from '#app/core/analyse'
import type { Insertable } from 'kysely'
import type { CitationsTable, FiguresTable, FindingsTable } from '#db/schema'
import type { DB } from './db.server'
import { newId } from './ids.server'

/**
 * Rows derived from a revision's snapshot: its figures, citations and findings. They exist to
 * make the evidence queryable and are always rebuildable from the snapshot.
 */
export interface FigureRecord {
  ordinal: number
  text: string
  value: number | null
  unit: string | null
  metric: string | null
  asOf: string | null
  sourceId: string | null
  quote: string | null
  marked: boolean
  cited: boolean
  quoteShowsFigure: boolean
  start: number
  end: number
}

export interface CitationRecord {
  ordinal: number
  sourceId: string | null
  quote: string | null
  locator: string | null
}

export interface FindingRecord {
  kind: string
  category: string | null
  text: string
  start: number | null
  end: number | null
  message: string
}

// SQLite caps bound parameters per statement; PostgreSQL at 65,535. Chunks stay under both.
const CHUNK = 60

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK))
}

/** The rows of the figures, citations and findings tables for one revision's analysis. */
export function derivedRows(
  revisionId: string,
  pageId: string,
  derived: { figures: AnalysedFigure[]; citations: AnalysedCitation[]; findings: Finding[] },
  makeId: () => string = newId,
): { figures: Array<Insertable<FiguresTable>>; citations: Array<Insertable<CitationsTable>>; findings: Array<Insertable<FindingsTable>> } {
  return {
    figures: derived.figures.map((f) => ({
      id: makeId(),
      revision_id: revisionId,
      page_id: pageId,
      ordinal: f.ordinal,
      text: f.text,
      value: f.value,
      unit: f.unit,
      metric: f.metric,
      as_of: f.asOf,
      // A mark may name an id that is no source; the row keeps it only when it exists, so the
      // foreign key holds (the figure then counts as uncited).
      source_id: f.sourceKnown ? f.sourceId : null,
      quote: f.quote,
      marked: f.marked ? 1 : 0,
      cited: f.cited ? 1 : 0,
      quote_shows_figure: f.quoteShowsFigure ? 1 : 0,
      start_offset: f.start,
      end_offset: f.end,
    })),
    citations: derived.citations.map((c) => ({
      id: makeId(),
      revision_id: revisionId,
      page_id: pageId,
      ordinal: c.ordinal,
      source_id: c.known ? c.sourceId : null,
      quote: c.quote,
      locator: c.locator,
    })),
    findings: derived.findings.map((f) => ({
      id: makeId(),
      revision_id: revisionId,
      kind: f.kind,
      category: f.category ?? (f.field === 'body' ? null : f.field),
      text: f.text,
      start_offset: f.start,
      end_offset: f.end,
      message: f.message,
    })),
  }
}

export async function insertDerivedRows(
  db: DB,
  revisionId: string,
  pageId: string,
  derived: { figures: AnalysedFigure[]; citations: AnalysedCitation[]; findings: Finding[] },
): Promise<void> {
  const rows = derivedRows(revisionId, pageId, derived)
  await insertChunked(rows.figures, (chunk) => db.insertInto('figures').values(chunk).execute())
  await insertChunked(rows.citations, (chunk) => db.insertInto('citations').values(chunk).execute())
  await insertChunked(rows.findings, (chunk) => db.insertInto('findings').values(chunk).execute())
}

export async function listFigures(db: DB, revisionId: string): Promise<FigureRecord[]> {
  const rows = await db
    .selectFrom('figures')
    .select(['ordinal', 'text', 'value', 'unit', 'metric', 'as_of', 'source_id', 'quote', 'marked', 'cited', 'quote_shows_figure', 'start_offset', 'end_offset'])
    .where('revision_id', '=', revisionId)
    .orderBy('ordinal')
    .execute()
  return rows.map((r) => ({
    ordinal: Number(r.ordinal),
    text: r.text,
    value: r.value === null ? null : Number(r.value),
    unit: r.unit,
    metric: r.metric,
    asOf: r.as_of,
    sourceId: r.source_id,
    quote: r.quote,
    marked: r.marked === 1,
    cited: r.cited === 1,
    quoteShowsFigure: r.quote_shows_figure === 1,
    start: Number(r.start_offset),
    end: Number(r.end_offset),
  }))
}

export async function listCitations(db: DB, revisionId: string): Promise<CitationRecord[]> {
  const rows = await db
    .selectFrom('citations')
    .select(['ordinal', 'source_id', 'quote', 'locator'])
    .where('revision_id', '=', revisionId)
    .orderBy('ordinal')
    .execute()
  return rows.map((r) => ({ ordinal: Number(r.ordinal), sourceId: r.source_id, quote: r.quote, locator: r.locator }))
}

export async function listFindings(db: DB, revisionId: string): Promise<FindingRecord[]> {
  const rows = await db
    .selectFrom('findings')
    .select(['kind', 'category', 'text', 'start_offset', 'end_offset', 'message'])
    .where('revision_id', '=', revisionId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    kind: r.kind,
    category: r.category,
    text: r.text,
    start: r.start_offset === null ? null : Number(r.start_offset),
    end: r.end_offset === null ? null : Number(r.end_offset),
    message: r.message,
  }))
}

/**
 * Who first wrote a figure into a page: the author of the oldest revision carrying a figure that
 * `matches` (the caller compares evidence keys). Narrowed by source in SQL, so only that source's
 * figures are read.
 */
export async function findFigureAuthor(db: DB, pageId: string, sourceId: string | null, matches: (figure: { text: string; value: number | null; unit: string | null; sourceId: string | null }) => boolean): Promise<string | null> {
  let query = db
    .selectFrom('figures')
    .innerJoin('revisions', 'revisions.id', 'figures.revision_id')
    .select(['figures.text', 'figures.value', 'figures.unit', 'figures.source_id', 'revisions.author_id'])
    .where('revisions.page_id', '=', pageId)
  query = sourceId === null ? query.where('figures.source_id', 'is', null) : query.where('figures.source_id', '=', sourceId)
  const rows = await query.orderBy('revisions.id').limit(5000).execute()
  const first = rows.find((r) => matches({ text: r.text, value: r.value === null ? null : Number(r.value), unit: r.unit, sourceId: r.source_id }))
  return first?.author_id ?? null
}
