import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { engineOf, type DB } from './db.server'
import { newId, nowIso } from './ids.server'

/**
 * A job queue in the database, so background work survives restarts and several app instances
 * share it without running one job twice. A job is claimed by setting `locked_by`/`locked_until`;
 * a worker that dies leaves a lock that expires, and the job is claimed again. At most one
 * unfinished job per `dedupe_key` (a partial unique index).
 */
export interface Job {
  id: string
  kind: string
  dedupeKey: string | null
  payload: unknown
  runAt: string
  /** Attempts started so far, this one included once claimed. */
  attempts: number
  lockedBy: string | null
  lockedUntil: string | null
  lastError: string | null
  doneAt: string | null
  createdAt: string
}

const columns = ['id', 'kind', 'dedupe_key', 'payload', 'run_at', 'attempts', 'locked_by', 'locked_until', 'last_error', 'done_at', 'created_at'] as const

type Row = {
  id: string; kind: string; dedupe_key: string | null; payload: string; run_at: string; attempts: number
  locked_by: string | null; locked_until: string | null; last_error: string | null; done_at: string | null; created_at: string
}

function toJob(row: Row): Job {
  let payload: unknown = null
  try {
    payload = JSON.parse(row.payload)
  } catch {
    // A payload that does not parse is handed over as null; the handler fails the job.
  }
  return {
    id: row.id,
    kind: row.kind,
    dedupeKey: row.dedupe_key,
    payload,
    runAt: row.run_at,
    attempts: Number(row.attempts),
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    doneAt: row.done_at,
    createdAt: row.created_at,
  }
}

export interface NewJob {
  kind: string
  dedupeKey: string | null
  payload: unknown
  runAt?: Date
}

// Rows per statement: under SQLite's limit on bound parameters (11 per row), and one round trip
// for what a save queues (on PostgreSQL, one statement per job cost a round trip each).
const ENQUEUE_BATCH = 500

/** Adds the jobs, each unless an unfinished one with the same dedupe key exists. Returns how many were added. */
export async function enqueueJobs(db: DB, jobs: readonly NewJob[]): Promise<number> {
  const now = nowIso()
  let added = 0
  for (let at = 0; at < jobs.length; at += ENQUEUE_BATCH) {
    const result = await db
      .insertInto('jobs')
      .values(
        jobs.slice(at, at + ENQUEUE_BATCH).map((job) => ({
          id: newId(),
          kind: job.kind,
          dedupe_key: job.dedupeKey,
          payload: JSON.stringify(job.payload ?? null),
          run_at: job.runAt ? nowIso(job.runAt) : now,
          attempts: 0,
          locked_by: null,
          locked_until: null,
          last_error: null,
          done_at: null,
          created_at: now,
        })),
      )
      // The only unique constraints are the primary key (a fresh ULID) and the open dedupe key.
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}

export interface ClaimOptions {
  kinds: readonly string[]
  workerId: string
  /** How long the claim holds; longer than the job can take, or another worker takes it over. */
  lockMs: number
  now?: Date
}

/**
 * Claims the next due job for this worker, or returns null. Atomic on both engines: one UPDATE
 * whose WHERE both picks the job and re-checks it is free, so of two workers racing for one job
 * exactly one updates a row.
 *  - PostgreSQL: the pick takes `FOR UPDATE SKIP LOCKED`, so concurrent workers skip each
 *    other's candidates instead of queueing on them; the outer conditions are re-checked on the
 *    locked row (READ COMMITTED re-evaluation).
 *  - SQLite: the transaction begins IMMEDIATE (db.server.ts), which serialises writers, so the
 *    pick and the update see no concurrent change.
 */
export async function claimJob(db: Kysely<Database>, options: ClaimOptions): Promise<Job | null> {
  if (options.kinds.length === 0) return null
  const now = nowIso(options.now)
  const until = nowIso(new Date((options.now ?? new Date()).getTime() + options.lockMs))
  return db.transaction().execute(async (trx) => {
    let pick = trx
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', options.kinds)
      .where('done_at', 'is', null)
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(1)
    if (engineOf(trx) === 'postgres') pick = pick.forUpdate().skipLocked()
    const row = await trx
      .updateTable('jobs')
      .set((eb) => ({ locked_by: options.workerId, locked_until: until, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', pick)
      .where('done_at', 'is', null)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .returning(columns)
      .executeTakeFirst()
    return row ? toJob(row) : null
  })
}

/** Marks a claimed job done. False when this worker no longer holds it (its lock expired). */
export async function completeJob(db: DB, id: string, workerId: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ done_at: nowIso(), locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('done_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * Records a failed attempt. With `retryAt` the job runs again then; without it (attempts used
 * up), it is finished with its last error, which frees its dedupe key for a fresh job later.
 */
export async function failJob(db: DB, id: string, workerId: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      last_error: error.slice(0, 2_000),
      locked_by: null,
      locked_until: null,
      ...(retryAt ? { run_at: nowIso(retryAt) } : { done_at: nowIso() }),
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('done_at', 'is', null)
    .execute()
}

/**
 * Puts a claimed job back to run at `runAt` without counting the attempt its claim counted: the
 * work could not be tried (the link checker was offline), so it must not use up the retries.
 */
export async function releaseJob(db: DB, id: string, workerId: string, reason: string, runAt: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({ last_error: reason.slice(0, 2_000), locked_by: null, locked_until: null, run_at: nowIso(runAt), attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('done_at', 'is', null)
    .execute()
}

export async function getJob(db: DB, id: string): Promise<Job | null> {
  const row = await db.selectFrom('jobs').select(columns).where('id', '=', id).executeTakeFirst()
  return row ? toJob(row) : null
}

export async function listOpenJobs(db: DB, kind: string): Promise<Job[]> {
  const rows = await db.selectFrom('jobs').select(columns).where('kind', '=', kind).where('done_at', 'is', null).orderBy('run_at').orderBy('id').execute()
  return rows.map(toJob)
}

/** Finished jobs are kept for a while for diagnosis, then removed so the table stays small. */
export async function deleteFinishedJobs(db: DB, finishedBefore: Date): Promise<number> {
  const result = await db.deleteFrom('jobs').where('done_at', 'is not', null).where('done_at', '<', nowIso(finishedBefore)).executeTakeFirst()
  return Number(result.numDeletedRows)
}
