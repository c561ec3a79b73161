import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { migrationProvider } from './index'

describe('the migration list', () => {
  it('names every migration file in the folder, in order, and nothing else', async () => {
    const files = fs
      .readdirSync(new URL('.', import.meta.url))
      .filter((name) => /^\d{4}-.*\.ts$/.test(name) && !name.endsWith('.test.ts'))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort()
    const listed = Object.keys(await migrationProvider.getMigrations())
    expect(files.length).toBeGreaterThan(0)
    expect(listed).toEqual(files)
    for (const migration of Object.values(await migrationProvider.getMigrations())) expect(typeof migration.up).toBe('function')
  })
})
