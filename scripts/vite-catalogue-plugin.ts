import type { Plugin } from 'vite'

const CATALOGUE = /\/app\/core\/i18n\/catalogue\.(en|de|fr)\.ts$/
const INDEX = /\/app\/core\/i18n\/index\.ts$/

/**
 * One chunk per language for the UI strings (decision 035). A feature module under features/ keeps
 * its English, German and French side by side (one file to edit, `typeof en` checks the others);
 * but Rollup puts a module in one chunk, so a module that the three catalogue.<lang>.ts import
 * would land in a chunk shared by all three. This plugin gives each catalogue its own copy of
 * every feature module in the browser build (`features/x.ts?lang=de`, a module of its own to the bundler), from which
 * tree-shaking keeps only that language's export. In the browser build it also puts
 * catalogues.browser.ts (nothing preloaded) in place of catalogues.ts (every language), so the
 * catalogues are reached only through loadCatalogue's dynamic imports.
 */
export function cataloguePerLanguage(): Plugin {
  return {
    name: 'sourced:catalogue-per-language',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (options?.ssr || !importer || !INDEX.test(importer) || source !== './catalogues') return null
      return this.resolve('./catalogues.browser', importer, { ...options, skipSelf: true })
    },
    transform(code, id, options) {
      const lang = options?.ssr ? undefined : CATALOGUE.exec(id)?.[1]
      if (!lang) return null
      const rewritten = code.replace(/from '(\.\/features\/[\w-]+)'/g, `from '$1.ts?lang=${lang}'`)
      // An import the pattern missed would put every language of that feature in a shared chunk.
      if (/from\s*["'`]\.\/features\/[\w-]+["'`]/.test(rewritten)) this.error(`${id}: import features as \`from './features/name'\` (single quotes), so each language gets its own copy`)
      return { code: rewritten, map: null }
    },
  }
}
