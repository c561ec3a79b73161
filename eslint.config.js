import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

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
    },
  },
  {
    // Configuration has one home: app/infra/config.server.ts parses the whole environment once, with a
    // message per bad variable. Tests and scripts may set or pass on the environment of a process
    // they start (and tests set variables before the config module is first read) — nothing else.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['app/infra/config.server.ts', 'vite.config.ts', 'scripts/**', 'test/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings from config (app/infra/config.server.ts), where every variable is declared and validated.' }],
    },
  },
  {
    // Database access lives in app/models (rows <-> domain, one file per aggregate). Services may
    // hold a handle and open a transaction (db.transaction(), passing trx to models) and use
    // Kysely's types; they, routes, components, views, auth and the server build no queries.
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: ['app/models/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', allowTypeImports: true, message: 'Queries belong in app/models; import a model function (types are fine).' },
            { name: 'pg', message: 'Database drivers belong in app/models/db.server.ts.' },
            { name: 'better-sqlite3', message: 'Database drivers belong in app/models/db.server.ts.' },
            // app/components/link.tsx wraps it: a plain anchor on pages without React (decision 037).
            { name: '@remix-run/react', importNames: ['Link'], message: "Import Link from '#app/components/link'." },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)$/]',
          message: 'Queries belong in app/models: add or use a model function.',
        },
      ],
    },
  },
  {
    // One logger (app/infra/logger.server.ts, pino): JSON lines that honour LOG_LEVEL. The console is for
    // command-line tools and tests.
    files: ['app/**/*.{ts,tsx,js}', 'server/**/*.ts', 'db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // app/models is rows <-> domain. Views, presenters, services and the HTTP edge build on it;
    // it never imports them (docs/architecture.md), so there is no cycle between the layers.
    // ("\\#": the patterns are gitignore-style, where a leading # starts a comment.)
    files: ['app/models/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['\\#app/views/*', '\\#app/presenters/*', '\\#app/services/*', '\\#app/http/*', '\\#app/auth/*', '\\#app/routes/*', '\\#app/components/*', '../*/*'],
              message: 'app/models must not depend on the layers above it: move the composition to app/views or a service.',
            },
          ],
        },
      ],
    },
  },
  {
    // app/core is pure: the rules run the same in the browser editor and on the server (STYLE.md §6).
    files: ['app/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@remix-run/*', 'react', 'react-dom', 'kysely', 'pg', 'better-sqlite3', 'node:*', 'fs', 'path', 'http', 'https', 'undici'], message: 'app/core is pure: no framework, database, file system or network.' },
            { group: ['\\#app/models/*', '\\#app/services/*', '\\#app/auth/*', '\\#app/routes/*', '*.server', '*.server.ts'], message: 'app/core must not depend on server code.' },
          ],
        },
      ],
    },
  },
)
