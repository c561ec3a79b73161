import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { migrationProvider } from './index'

const folder = new URL('.', import.meta.url)
const files = fs
  .readdirSync(folder)
  .filter((name) => /^\d{4}-[a-z0-9-]+\.ts$/.test(name))
  .map((name) => name.replace(/\.ts$/, ''))
  .sort()

describe('the migration list', () => {
  it('names every migration file in the folder, and nothing else', async () => {
    expect(files.length).toBeGreaterThan(0)
    expect(Object.keys(await migrationProvider.getMigrations()).sort()).toEqual(files)
  })

  it('lists them in the order Kysely runs them (by name), each with up and down', async () => {
    const migrations = await migrationProvider.getMigrations()
    expect(Object.keys(migrations)).toEqual(files)
    for (const [name, migration] of Object.entries(migrations)) {
      expect(typeof migration.up, name).toBe('function')
      expect(typeof migration.down, name).toBe('function')
    }
  })

  it('never reuses a number', () => {
    const numbers = files.map((name) => name.slice(0, 4))
    expect(new Set(numbers).size).toBe(numbers.length)
  })
})
