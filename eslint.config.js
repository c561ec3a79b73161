import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * The layers of app/ (docs/architecture.md), lowest first. Each folder may import only from the
 * folders below it; routes, at the top, may import anything. Tests are exempt (they build
 * fixtures from every layer).
 */
const FOLDERS = ['core', 'config', 'infra', 'models', 'presenters', 'auth', 'services', 'views', 'http', 'components', 'routes']
const forbidden = {
  core: FOLDERS.filter((f) => f !== 'core'),
  infra: ['models', 'presenters', 'auth', 'services', 'views', 'http', 'components', 'routes'],
  models: ['presenters', 'auth', 'services', 'views', 'http', 'components', 'routes'],
  presenters: ['auth', 'services', 'views', 'http', 'components', 'routes'],
  auth: ['services', 'views', 'components', 'routes'],
  services: ['views', 'http', 'components', 'routes'],
  views: ['auth', 'services', 'http', 'components', 'routes'],
  http: ['views', 'components', 'routes'],
  // Components run in the browser: they may name server types (import type) but never import server code.
  components: ['config', 'infra', 'models', 'auth', 'services', 'views', 'http', 'routes'],
}
// Patterns are gitignore-style, where a leading # starts a comment: escape it.
const folderPattern = (folder) => (folder === 'config' ? '\\#app/config.server' : `\\#app/${folder}/*`)

/** Database access (a query builder, a driver, the table types) belongs in app/models. */
const DATABASE = { group: ['kysely', 'pg', 'better-sqlite3', '\\#db/schema', '\\#db/migrations/*'], message: 'Database access belongs in app/models (docs/architecture.md): call a model function.' }
const PURE = { group: ['@remix-run/*', 'react', 'react-dom', 'kysely', 'pg', 'better-sqlite3', 'node:*', 'fs', 'path', 'http', 'https', 'undici', 'pino'], message: 'app/core is pure: no framework, database, file system or network.' }

const layerRules = Object.entries(forbidden).map(([folder, banned]) => ({
  files: [`app/${folder}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(folder === 'core' ? [PURE] : folder === 'models' ? [] : [DATABASE]),
          {
            group: banned.map(folderPattern),
            message: `app/${folder} may not import from ${banned.join(', ')} (docs/architecture.md: imports point down the layers).`,
            // A browser component may name a server module's types; the bundle then holds none of its code.
            allowTypeImports: folder === 'components',
          },
        ],
      },
    ],
  },
}))

export default tseslint.config(
  { ignores: ['build/', 'node_modules/', 'data/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      // The environment is read once, by the one schema in app/config.server.ts.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings from `config` (app/config.server.ts); add new variables to its schema.' }],
    },
  },
  {
    // Scripts and tests set up processes and databases from the environment they were started in.
    files: ['scripts/**', 'test/**', '**/*.test.ts', 'vite.config.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: ['app/models/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [DATABASE] }] },
  },
  ...layerRules,
)
