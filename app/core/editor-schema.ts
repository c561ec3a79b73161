import { getSchema, Mark, mergeAttributes, Node, type Extensions } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { TableKit } from '@tiptap/extension-table'
import { isSafeUrl } from './safe-url'

/**
 * The one editor schema (STYLE.md §7): the React editor, the server validator and the HTML
 * renderer all build on these extensions, so the server accepts exactly what the editor makes.
 */

/** A number that states a fact, marked with its evidence (DESIGN.md, "figure"). */
const FigureMark = Mark.create({
  name: 'figure',
  // Typing right after a figure must not silently extend the cited number.
  inclusive: false,
  addAttributes() {
    return {
      sourceId: { default: null, parseHTML: (el) => el.getAttribute('data-source-id'), renderHTML: (a) => ({ 'data-source-id': a.sourceId }) },
      quote: { default: null, parseHTML: (el) => el.getAttribute('data-quote'), renderHTML: (a) => ({ 'data-quote': a.quote }) },
      asOf: { default: null, parseHTML: (el) => el.getAttribute('data-as-of'), renderHTML: (a) => ({ 'data-as-of': a.asOf }) },
      metric: { default: null, parseHTML: (el) => el.getAttribute('data-metric'), renderHTML: (a) => ({ 'data-metric': a.metric }) },
      // Decision 026: the definition of an unregistered metric, and the product the number is about.
      metricDefinition: { default: null, parseHTML: (el) => el.getAttribute('data-metric-definition'), renderHTML: (a) => ({ 'data-metric-definition': a.metricDefinition }) },
      product: { default: null, parseHTML: (el) => el.getAttribute('data-product'), renderHTML: (a) => ({ 'data-product': a.product }) },
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-figure]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-figure': '', class: 'figure' }, HTMLAttributes), 0]
  },
})

/** A footnote after a claim, like Wikipedia's <ref> (DESIGN.md, "citation"). */
const CitationNode = Node.create({
  name: 'citation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      sourceId: { default: null, parseHTML: (el) => el.getAttribute('data-source-id'), renderHTML: (a) => ({ 'data-source-id': a.sourceId }) },
      quote: { default: null, parseHTML: (el) => el.getAttribute('data-quote'), renderHTML: (a) => ({ 'data-quote': a.quote }) },
      locator: { default: null, parseHTML: (el) => el.getAttribute('data-locator'), renderHTML: (a) => ({ 'data-locator': a.locator }) },
    }
  },
  parseHTML() {
    return [{ tag: 'sup[data-citation]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes({ 'data-citation': '', class: 'citation' }, HTMLAttributes), '[*]']
  },
})

/** Heading levels in the body; the page title is the only h1. */
export const HEADING_LEVELS = [2, 3, 4] as const

export const editorExtensions: Extensions = [
  StarterKit.configure({
    codeBlock: false,
    underline: false,
    heading: { levels: [...HEADING_LEVELS] },
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ['http', 'https', 'mailto'],
      defaultProtocol: 'https',
      isAllowedUri: (url) => isSafeUrl(url),
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
  FigureMark,
  CitationNode,
]

export const editorSchema = getSchema(editorExtensions)
