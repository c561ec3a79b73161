import type { DB } from './db.server'

/** The meta table: one value per key, for markers such as "the demo was seeded at". */
export async function getMeta(db: DB, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

/** Inserts a key; fails with a unique violation when it exists (which makes it a claim). */
export async function insertMeta(db: DB, key: string, value: string): Promise<void> {
  await db.insertInto('meta').values({ key, value }).execute()
}
