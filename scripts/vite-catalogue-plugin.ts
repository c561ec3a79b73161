import type { Plugin } from 'vite'

/** The modules that hold one language: the shared catalogue's and the editor's. */
const CATALOGUE = /\/app\/core\/i18n\/(?:editor-)?catalogue\.(en|de|fr)\.ts$/
/** Who imports the preloaded catalogues, and what it imports: swapped for the browser's. */
const PRELOADED = [
  { importer: /\/app\/core\/i18n\/index\.ts$/, source: './catalogues' },
  { importer: /\/app\/core\/i18n\/editor-messages\.ts$/, source: './editor-catalogues' },
]
const SHARED = /from '(\.\/features\/[\w-]+|\.\/editor-strings)'/g
const MISSED = /from\s*["'`]\.\/(features\/[\w-]+|editor-strings)["'`]/

/**
 * One chunk per language for the UI strings (decision 035). A feature module under features/ keeps
 * its English, German and French side by side (one file to edit, `typeof en` checks the others),
 * and so does editor-strings.ts; but Rollup puts a module in one chunk, so a module that the
 * three catalogue.<lang>.ts import would land in a chunk shared by all three. In the browser build
 * this plugin gives each catalogue its own copy of those modules (`features/x.ts?lang=de`, a
 * module of its own to the bundler), from which tree-shaking keeps only that language's export.
 * It also puts catalogues.browser.ts (nothing preloaded) in place of catalogues.ts (every
 * language), and the same for the editor's, so the browser reaches the catalogues only through
 * dynamic imports. The server build, tests and scripts see the files as written.
 */
export function cataloguePerLanguage(): Plugin {
  return {
    name: 'sourced:catalogue-per-language',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (options?.ssr || !importer || !PRELOADED.some((p) => p.source === source && p.importer.test(importer))) return null
      return this.resolve(`${source}.browser`, importer, { ...options, skipSelf: true })
    },
    transform(code, id, options) {
      const lang = options?.ssr ? undefined : CATALOGUE.exec(id)?.[1]
      if (!lang) return null
      const rewritten = code.replace(SHARED, `from '$1.ts?lang=${lang}'`)
      // An import the pattern missed would put every language of that module in a shared chunk.
      if (MISSED.test(rewritten)) this.error(`${id}: import as \`from './features/name'\` (single quotes), so each language gets its own copy`)
      return { code: rewritten, map: null }
    },
  }
}
