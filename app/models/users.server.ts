import { isRole, type Role } from '#app/core/roles'
import { usernameKey } from '#app/core/username'
import { sql } from 'kysely'
import { engineOf, type DB } from './db.server'

export interface User {
  id: string
  username: string
  role: Role
  createdAt: string
  blockedUntil: string | null
  blockReason: string | null
}

const columns = ['id', 'username', 'role', 'created_at', 'blocked_until', 'block_reason'] as const
type Row = { id: string; username: string; role: string; created_at: string; blocked_until: string | null; block_reason: string | null }

function toUser(row: Row): User {
  return {
    id: row.id,
    username: row.username,
    role: isRole(row.role) ? row.role : 'editor',
    createdAt: row.created_at,
    blockedUntil: row.blocked_until,
    blockReason: row.block_reason,
  }
}

export async function getUserById(db: DB, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst()
  return row ? toUser(row) : null
}

export async function getUserByUsername(db: DB, username: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(columns).where('username_key', '=', usernameKey(username)).executeTakeFirst()
  return row ? toUser(row) : null
}

export async function getPasswordHash(db: DB, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst()
  return row?.password_hash ?? null
}

export async function insertUser(
  db: DB,
  user: { id: string; username: string; passwordHash: string | null; role: Role; createdAt: string },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      username_key: usernameKey(user.username),
      password_hash: user.passwordHash,
      role: user.role,
      created_at: user.createdAt,
      blocked_until: null,
      block_reason: null,
    })
    .execute()
}

/** One query for a login: the account and its hash, so both outcomes cost the same round trips. */
export async function getLoginCredentials(db: DB, username: string): Promise<{ user: User; passwordHash: string | null } | null> {
  const row = await db.selectFrom('users').select([...columns, 'password_hash']).where('username_key', '=', usernameKey(username)).executeTakeFirst()
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null
}

export async function setPasswordHash(db: DB, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute()
}

/**
 * Changes a role; with `from`, only if the role is still that one (an automatic promotion must not
 * undo a moderator's change made a moment earlier). True when a row changed.
 */
export async function setUserRole(db: DB, userId: string, role: Role, options: { from?: Role } = {}): Promise<boolean> {
  let query = db.updateTable('users').set({ role }).where('id', '=', userId)
  if (options.from) query = query.where('role', '=', options.from)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Blocks until a moment with a public reason, or (null) lifts the block. */
export async function setUserBlock(db: DB, userId: string, block: { until: string; reason: string } | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ blocked_until: block?.until ?? null, block_reason: block?.reason ?? null })
    .where('id', '=', userId)
    .execute()
}

/**
 * The ids of all admins, locked until the transaction ends (PostgreSQL; SQLite's IMMEDIATE write
 * transactions already serialise). Two admins demoting each other at once then cannot both see
 * "another admin is left".
 */
export async function lockAdmins(trx: DB): Promise<string[]> {
  let query = trx.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id')
  if (engineOf(trx) === 'postgres') query = query.forUpdate()
  return (await query.execute()).map((r) => r.id)
}

export interface UserListOptions {
  /** Part of a username (case-insensitive). */
  query?: string
  role?: Role | null
  blocked?: boolean
  /** Keyset pagination: the username key to continue after. */
  after?: string | null
  limit: number
  now?: Date
}

/** Users by name, for the admin list; `next` continues the list when there are more. */
export async function listUsers(db: DB, options: UserListOptions): Promise<{ users: User[]; next: string | null }> {
  let query = db.selectFrom('users').select([...columns, 'username_key'])
  const q = options.query ? usernameKey(options.query.trim()) : ''
  // LIKE wildcards in the search are literal; both engines honour an explicit ESCAPE.
  if (q) query = query.where(sql<boolean>`username_key like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`)
  if (options.role) query = query.where('role', '=', options.role)
  if (options.blocked) query = query.where('blocked_until', '>', (options.now ?? new Date()).toISOString())
  if (options.after) query = query.where('username_key', '>', options.after)
  const rows = await query.orderBy('username_key').limit(options.limit + 1).execute()
  const page = rows.slice(0, options.limit)
  return { users: page.map(toUser), next: rows.length > options.limit ? page[page.length - 1]!.username_key : null }
}
