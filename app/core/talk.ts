import { z } from 'zod'
import { cleanText } from './reports'
import { fail, ok, type Issue, type Result } from './result'

/**
 * Talk (DESIGN.md, "Working together"): discussion threads beside every page, product and claim.
 * Talk is discussion, not content: figures and promotional language in it are not policed, and it
 * is plain text — links are recognised when shown, never stored or rendered as HTML.
 */
const TALK_KINDS = ['page', 'product', 'claim'] as const
export type TalkKind = (typeof TALK_KINDS)[number]

export const TALK_TITLE_MAX = 200
export const TALK_BODY_MAX = 10_000
export const TALK_REASON_MAX = 1000

export function isTalkKind(value: string): value is TalkKind {
  return (TALK_KINDS as readonly string[]).includes(value)
}

export interface ThreadInput {
  title: string
  body: string
}

const text = (max: number, field: string) =>
  z.preprocess((v) => cleanBody(v, max + 1), z.string().min(1, `Write the ${field}.`).max(max, `The ${field} can be at most ${max} characters.`))

const threadSchema = z.object({ title: z.preprocess((v) => cleanText(v, TALK_TITLE_MAX + 1), z.string().min(1, 'Give the thread a title.').max(TALK_TITLE_MAX, `A title can be at most ${TALK_TITLE_MAX} characters.`)), body: text(TALK_BODY_MAX, 'message') })
const bodySchema = z.object({ body: text(TALK_BODY_MAX, 'message') })
const reasonSchema = z.object({ reason: z.preprocess((v) => cleanText(v, TALK_REASON_MAX + 1), z.string().min(1, 'Give a public reason.').max(TALK_REASON_MAX, `A reason can be at most ${TALK_REASON_MAX} characters.`)) })

/** A new thread from form fields or a JSON body. */
export function parseThread(fields: unknown): Result<ThreadInput> {
  return parseWith(threadSchema, fields)
}

/** A reply, or an author's new text for their post. */
export function parsePostBody(fields: unknown): Result<{ body: string }> {
  return parseWith(bodySchema, fields)
}

/** A moderator's public reason for closing a thread or hiding a post. */
export function parseModerationReason(fields: unknown): Result<{ reason: string }> {
  return parseWith(reasonSchema, fields)
}

function parseWith<T>(schema: z.ZodType<T>, fields: unknown): Result<T> {
  const parsed = schema.safeParse(fields ?? {})
  if (parsed.success) return ok(parsed.data)
  return fail(...parsed.error.issues.map((i): Issue => ({ path: String(i.path[0] ?? ''), code: i.code === 'too_big' ? 'too_long' : 'required', message: i.message, params: { rule: i.code === 'too_big' ? 'too_long' : 'required' } })))
}

/**
 * Keeps line breaks (a message has paragraphs), drops other control characters and trailing
 * whitespace per line, and trims the whole.
 */
export function cleanBody(value: unknown, max: number): string {
  if (typeof value !== 'string') return ''
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, max)
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

// http(s) URLs only: a "javascript:" or "data:" text stays text. Trailing punctuation that usually
// ends the sentence, not the URL, is left out (as GitHub and Discourse do).
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi
const TRAILING = /[.,;:!?)\]}»”’]+$/

/** Splits plain text into text and http(s) links, for rendering as React text nodes and anchors. */
export function linkify(value: string): TextSegment[] {
  const segments: TextSegment[] = []
  let last = 0
  for (const match of value.matchAll(URL_PATTERN)) {
    let url = match[0]
    const trailing = TRAILING.exec(url)
    // Keep a closing parenthesis that has its opening one in the URL (Wikipedia links).
    if (trailing && !(trailing[0].startsWith(')') && url.includes('('))) url = url.slice(0, url.length - trailing[0].length)
    const start = match.index
    if (!isHttpUrl(url)) continue
    if (start > last) segments.push({ kind: 'text', text: value.slice(last, start) })
    segments.push({ kind: 'link', text: url, href: url })
    last = start + url.length
  }
  if (last < value.length) segments.push({ kind: 'text', text: value.slice(last) })
  return segments
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0
  } catch {
    return false
  }
}
