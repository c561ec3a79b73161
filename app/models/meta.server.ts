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

/**
 * Serialises start-up maintenance between instances that start together (two workers, a rolling
 * deploy): the second waits on this row (PostgreSQL's row lock; on SQLite the IMMEDIATE
 * transaction already holds the write lock) until the first's transaction ends, then finds the
 * indexes built. Without it both rebuilt at once and one died on a duplicate key.
 */
export async function holdMaintenanceLock(trx: DB): Promise<void> {
  await trx
    .insertInto('meta')
    .values({ key: 'maintenance_lock', value: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
    .execute()
}
