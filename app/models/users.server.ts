import { isRole, type Role } from '#app/core/roles'
import { usernameKey } from '#app/core/username'
import type { DB } from './db.server'

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
