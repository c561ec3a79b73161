import { fileURLToPath } from 'node:url'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import { cataloguePerLanguage } from './scripts/vite-catalogue-plugin'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  resolve: {
    alias: {
      '#app': fileURLToPath(new URL('./app', import.meta.url)),
      '#db': fileURLToPath(new URL('./db', import.meta.url)),
    },
  },
  plugins: [
    cataloguePerLanguage(),
    remix({
      // Parallel builds (several test runs on one machine) each get their own directory.
      buildDirectory: process.env.BUILD_DIR ?? 'build',
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  // Vite's dependency scan crawls server files too; server-only packages must stay out of it,
  // and the editor packages go in up front so a cold dev load does not reload mid-hydration.
  optimizeDeps: {
    exclude: ['@node-rs/argon2', 'better-sqlite3', 'pg', 'kysely', 'lucia', '@remix-run/node', 'undici'],
    include: ['@tiptap/react', '@tiptap/starter-kit', '@tiptap/extension-table', '@tiptap/core', '@tiptap/pm/state', '@tiptap/pm/model'],
  },
  // The editor chunk (Tiptap and ProseMirror, ~550 kB) loads only on the edit routes.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // Resource routes (API, feeds, CSV) have no browser code, so their client chunks are empty by
      // design; a dependency's misplaced /*#__PURE__*/ comment is not ours to fix.
      onwarn(warning, warn) {
        if (warning.code === 'EMPTY_BUNDLE' || (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/'))) return
        warn(warning)
      },
    },
  },
})
