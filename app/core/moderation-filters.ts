import type { FindingKind } from './analyse'
import { isLang, type Lang } from './lang'
import { isRecordId } from './record-id'

/**
 * The moderation pages filter through GET forms, so every filter is a bookmarkable URL. These
 * parsers turn query strings into filters and ignore what they do not recognise (an old link
 * with a misspelt value shows the unfiltered list rather than an error).
 */

export const FINDING_FILTERS = ['uncited-figure', 'marketing', 'quote-mismatch', 'citation-removed', 'unknown-source', 'metric-mismatch', 'unregistered-metric', 'undated-figure'] as const satisfies readonly FindingKind[]
export const AGE_FILTERS = ['day', 'week', 'older'] as const
export type AgeFilter = (typeof AGE_FILTERS)[number]

export interface QueueFilters {
  lang: Lang | null
  finding: FindingKind | null
  age: AgeFilter | null
  /** A page slug. */
  page: string | null
  /** Keyset cursor: continue after this (risk, id). */
  after: { risk: number; id: string } | null
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null
}

function slugParam(value: string | null): string | null {
  const v = (value ?? '').trim().toLowerCase()
  return v !== '' && v.length <= 200 ? v : null
}

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  const lang = params.get('lang')
  const cursor = /^(\d{1,6})\.([0-9a-z]{26})$/.exec(params.get('after') ?? '')
  return {
    lang: isLang(lang) ? lang : null,
    finding: pick(params.get('finding'), FINDING_FILTERS),
    age: pick(params.get('age'), AGE_FILTERS),
    page: slugParam(params.get('page')),
    after: cursor ? { risk: Number(cursor[1]), id: cursor[2]! } : null,
  }
}

export function queueCursor(row: { riskScore: number; id: string }): string {
  return `${row.riskScore}.${row.id}`
}

/** The created-at window of an age filter: under a day, one to seven days, over a week. */
export function ageWindow(age: AgeFilter | null, now: Date): { after?: string; before?: string } {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()
  switch (age) {
    case 'day':
      return { after: ago(1) }
    case 'week':
      return { after: ago(7), before: ago(1) }
    case 'older':
      return { before: ago(7) }
    default:
      return {}
  }
}

export const LOG_ACTIONS = [
  'revision.approve', 'revision.reject', 'revision.rollback', 'report.upheld', 'report.dismissed',
  'page.protect', 'page.unprotect', 'user.block', 'user.unblock', 'user.role', 'user.auto-trusted',
  'page.move', 'page.delete', 'page.restore', 'revision.hide', 'revision.unhide', 'claim.settle',
] as const
export type LogActionFilter = (typeof LOG_ACTIONS)[number]

export interface LogFilters {
  action: LogActionFilter | null
  page: string | null
  /** A moderator's username. */
  moderator: string | null
  before: string | null
}

export function parseLogFilters(params: URLSearchParams): LogFilters {
  const moderator = (params.get('moderator') ?? '').trim()
  const before = params.get('before')
  return {
    action: pick(params.get('action'), LOG_ACTIONS),
    page: slugParam(params.get('page')),
    moderator: moderator !== '' && moderator.length <= 64 ? moderator : null,
    before: before !== null && isRecordId(before) ? before : null,
  }
}

export const REPORT_STATUS_FILTERS = ['open', 'resolved', 'all'] as const
type ReportStatusFilter = (typeof REPORT_STATUS_FILTERS)[number]

export interface ReportFilters {
  status: ReportStatusFilter
  page: string | null
  before: string | null
}

export function parseReportFilters(params: URLSearchParams): ReportFilters {
  const before = params.get('before')
  return {
    status: pick(params.get('status'), REPORT_STATUS_FILTERS) ?? 'open',
    page: slugParam(params.get('page')),
    before: before !== null && isRecordId(before) ? before : null,
  }
}
