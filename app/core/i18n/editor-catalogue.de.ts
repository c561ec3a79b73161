/** The editor's strings in one language: a chunk of its own in the browser (scripts/vite-catalogue-plugin.ts). */
export { de as messages } from './editor-strings'
