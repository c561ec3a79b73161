import type { Finding } from '#app/core/analyse'
import type { RevisionStatus } from '#app/core/content'
import type { PageRecord } from '#app/models/pages.server'
import type { RevisionMeta } from '#app/models/revisions.server'

/**
 * The public JSON shapes of revisions, their findings and edit conflicts (docs/api.md). The API
 * routes answer only through these, so a column added to a table never leaks into the API.
 */

interface FindingView {
  kind: Finding['kind']
  /** Where the offsets point: the body's plain text (text blocks joined by "\n"), the title or the summary. */
  field: Finding['field']
  text: string
  start: number | null
  end: number | null
  /** For promotional language: peacock, weasel, time-relative…; otherwise null. */
  category: Finding['category']
  message: string
}

function presentFinding(f: Finding): FindingView {
  return { kind: f.kind, field: f.field, text: f.text, start: f.start, end: f.end, category: f.category, message: f.message }
}

export interface RevisionListItemView {
  id: string
  parentId: string | null
  /** The author's username. */
  author: string
  /** "" when a moderator hid it (decision 028). */
  summary: string
  status: RevisionStatus
  createdAt: string
  /** Bytes of the stored snapshot (UTF-8 JSON). */
  size: number
}

export function presentRevisionListItem(r: RevisionMeta): RevisionListItemView {
  return { id: r.id, parentId: r.parentId, author: r.authorName, summary: r.summary, status: r.status, createdAt: r.createdAt, size: r.size }
}

export interface SavedRevisionView {
  id: string
  status: RevisionStatus
  /** True when the page had moved on since the base and this edit was merged with the newer one. */
  merged: boolean
  findings: FindingView[]
}

export function presentSavedRevision(r: { id: string; status: RevisionStatus; merged: boolean; findings: Finding[] }): SavedRevisionView {
  return { id: r.id, status: r.status, merged: r.merged, findings: r.findings.map(presentFinding) }
}

export interface PageRefView {
  slug: string
  title: string
  lang: string
  /** Null until a revision of the page is approved. */
  stableRevisionId: string | null
  latestRevisionId: string
}

export function presentPageRef(p: Pick<PageRecord, 'slug' | 'title' | 'lang' | 'stableRevisionId' | 'latestRevisionId'>): PageRefView {
  return { slug: p.slug, title: p.title, lang: p.lang, stableRevisionId: p.stableRevisionId, latestRevisionId: p.latestRevisionId }
}

export interface ConflictView {
  /** The stored `conflict` revision that holds the submitted text. */
  revisionId: string
  /** The page's head, which the edit could not be merged with. */
  latestRevisionId: string
  baseRevisionId: string
  /** Metadata fields both sides changed differently (title, summary, lang, subjects, categories), and "body" when blocks clash. */
  fields: string[]
  /** Indexes (from 0) into the base revision's `body.content` of the blocks both sides changed. */
  blocks: number[]
}

const BODY_BLOCK = /^body block (\d+)$/

/** The service names clashes for people ("body block 3", 1-based); the API gives them to programs. */
export function presentConflict(c: { revisionId: string; latestRevisionId: string; baseRevisionId: string; fields: string[] }): ConflictView {
  const blocks: number[] = []
  const fields: string[] = []
  for (const part of c.fields) {
    const block = BODY_BLOCK.exec(part)
    if (block) blocks.push(Number(block[1]) - 1)
    else fields.push(part)
  }
  if (blocks.length > 0) fields.push('body')
  return { revisionId: c.revisionId, latestRevisionId: c.latestRevisionId, baseRevisionId: c.baseRevisionId, fields, blocks: blocks.sort((a, b) => a - b) }
}
