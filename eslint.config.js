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
    // app/core is pure: the rules run the same in the browser editor and on the server (STYLE.md §6).
    files: ['app/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@remix-run/*', 'react', 'react-dom', 'kysely', 'pg', 'better-sqlite3', 'node:*', 'fs', 'path', 'http', 'https', 'undici'], message: 'app/core is pure: no framework, database, file system or network.' },
            { group: ['#app/models/*', '#app/services/*', '#app/auth/*', '#app/routes/*', '*.server', '*.server.ts'], message: 'app/core must not depend on server code.' },
          ],
        },
      ],
    },
  },
)
