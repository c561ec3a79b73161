import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Kept apart from vite.config.ts so the Remix plugin never runs under tests.
const alias = {
  '#app': fileURLToPath(new URL('./app', import.meta.url)),
  '#db': fileURLToPath(new URL('./db', import.meta.url)),
  '#test': fileURLToPath(new URL('./test', import.meta.url)),
}

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['app/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    // Generous: browser and multi-process tests share two cores with everything else on this machine.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
