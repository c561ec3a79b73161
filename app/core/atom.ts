/**
 * Atom 1.0 (RFC 4287) feeds, written by hand. The `feed` package puts titles and content in
 * CDATA sections and escapes only the first "]]>" in them, and leaves "<" and "&" unescaped in
 * attributes, so page titles and edit summaries typed by anyone could break the XML or inject
 * elements. Here every text and attribute is escaped, and characters XML 1.0 forbids (control
 * characters, lone surrogates, U+FFFE/U+FFFF) are dropped.
 */

interface AtomPerson {
  name: string
  /** Absolute URL. */
  uri?: string
}

export interface AtomEntry {
  /** Absolute URL that names the entry for ever (the revision's permalink). */
  id: string
  title: string
  /** RFC 3339 time. */
  updated: string
  /** Absolute URL people open (the diff). */
  link: string
  author: AtomPerson
  /** Plain text. */
  summary?: string
  /** HTML, sent escaped as type="html". */
  contentHtml?: string
}

export interface AtomFeed {
  id: string
  title: string
  subtitle?: string
  updated: string
  /** Absolute URL of the feed itself. */
  self: string
  /** Absolute URL of the page the feed follows. */
  alternate: string
  /** Language of the feed's own text (its labels). */
  lang: string
  entries: AtomEntry[]
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

/** Escapes text for XML content and attribute values, dropping characters XML cannot carry. */
export function xmlEscape(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
}

function element(name: string, text: string, attrs = ''): string {
  return `<${name}${attrs}>${xmlEscape(text)}</${name}>`
}

function link(rel: string, href: string, type?: string): string {
  return `<link rel="${rel}"${type ? ` type="${type}"` : ''} href="${xmlEscape(href)}"/>`
}

function person(tag: 'author', p: AtomPerson): string {
  return `<${tag}>${element('name', p.name)}${p.uri ? element('uri', p.uri) : ''}</${tag}>`
}

export function buildAtomFeed(feed: AtomFeed): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.lang)}">\n`]
  out.push(element('id', feed.id), '\n', element('title', feed.title), '\n')
  if (feed.subtitle) out.push(element('subtitle', feed.subtitle), '\n')
  out.push(element('updated', feed.updated), '\n', link('self', feed.self, 'application/atom+xml'), '\n', link('alternate', feed.alternate, 'text/html'), '\n')
  out.push(element('generator', 'Sourced'), '\n')
  for (const e of feed.entries) {
    out.push('<entry>\n')
    out.push(element('id', e.id), '\n', element('title', e.title), '\n', element('updated', e.updated), '\n', link('alternate', e.link, 'text/html'), '\n', person('author', e.author), '\n')
    if (e.summary !== undefined) out.push(element('summary', e.summary), '\n')
    if (e.contentHtml !== undefined) out.push(element('content', e.contentHtml, ' type="html"'), '\n')
    out.push('</entry>\n')
  }
  out.push('</feed>\n')
  return out.join('')
}
