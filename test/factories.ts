import type { Kysely } from 'kysely'
import { hashPassword } from '#app/auth/password.server'
import type { Role } from '#app/core/roles'
import { newId, nowIso } from '#app/models/ids.server'
import { insertSource } from '#app/models/sources.server'
import { insertUser } from '#app/models/users.server'
import { sourceUrlKey } from '#app/core/source-url'
import type { Database } from '#db/schema'

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined

/** A user with TEST_PASSWORD; `createdAt` lets a test make an account look old. */
export async function createUser(db: Kysely<Database>, options: { role?: Role; username?: string; createdAt?: string } = {}) {
  const id = newId()
  const username = options.username ?? `user-${id.slice(-8)}`
  await insertUser(db, { id, username, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)), role: options.role ?? 'editor', createdAt: options.createdAt ?? nowIso() })
  return { id, username, role: options.role ?? 'editor', blockedUntil: null }
}

export async function createSource(db: Kysely<Database>, options: { url?: string; kind?: 'official' | 'press' | 'vendor' } = {}) {
  const id = newId()
  const url = options.url ?? `https://example.org/report-${id}`
  await insertSource(db, { id, url, urlKey: sourceUrlKey(url)!, title: 'A report', publisher: 'Example', publishedAt: '2025', kind: options.kind ?? 'press', lang: 'en', archiveUrl: null, createdAt: nowIso(), createdBy: null })
  return { id, url }
}

/** Signs in through the login form of a running server and returns the session cookie. */
export async function login(baseUrl: string, username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, redirectTo: '/' }),
  })
  const cookie = response.headers.get('set-cookie')
  if (response.status !== 302 || !cookie) throw new Error(`login failed for ${username}: ${response.status}`)
  return cookie.split(';')[0]!
}
