import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import type { RunningServer } from '#test/server'

/**
 * Requests as a browser (or a script) sends them to the built app, for the account and abuse
 * tests. `origin: null` leaves the Origin header out; by default it is the server's own.
 */
export interface RequestOptions {
  cookie?: string | null
  origin?: string | null
  token?: string | null
  headers?: Record<string, string>
}

function headersFor(server: RunningServer, options: RequestOptions, contentType: string): Record<string, string> {
  const origin = options.origin === undefined ? server.url : options.origin
  return {
    'content-type': contentType,
    ...(origin ? { origin } : {}),
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  }
}

export function postForm(server: RunningServer, path: string, fields: Record<string, string>, options: RequestOptions = {}): Promise<Response> {
  return fetch(server.url + path, { method: 'POST', redirect: 'manual', headers: headersFor(server, options, 'application/x-www-form-urlencoded'), body: new URLSearchParams(fields) })
}

export function postJson(server: RunningServer, path: string, body: unknown, options: RequestOptions = {}): Promise<Response> {
  return fetch(server.url + path, { method: 'POST', redirect: 'manual', headers: headersFor(server, options, 'application/json'), body: JSON.stringify(body) })
}

export function get(server: RunningServer, path: string, options: RequestOptions = {}): Promise<Response> {
  return fetch(server.url + path, {
    redirect: 'manual',
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
  })
}

/** The `name=value` part of a Set-Cookie header for the session. */
export function sessionCookieOf(response: Response): string | null {
  const header = response.headers.get('set-cookie')
  const match = header ? /sourced_session=([^;]*)/.exec(header) : null
  return match && match[1] ? `sourced_session=${match[1]}` : null
}

/** Signed in as whom, by the name in the page header (null: anonymous). */
export async function whoAmI(server: RunningServer, cookie: string): Promise<string | null> {
  const html = await (await get(server, '/', { cookie })).text()
  return /<a[^>]*class="user-link"[^>]*>([^<]+)<\/a>/.exec(html)?.[1] ?? null
}

/** What a response says once the per-response CSP nonce and request id are taken out. */
export function stableBody(html: string, response: Response): string {
  const csp = response.headers.get('content-security-policy') ?? ''
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
  const requestId = response.headers.get('x-request-id')
  let body = html
  if (nonce) body = body.split(nonce).join('NONCE')
  if (requestId) body = body.split(requestId).join('REQUEST-ID')
  return body
}

/** Is this the HTTP server's cross-site refusal (not some other 403)? */
export async function isCrossSiteRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false
  const text = await response.text()
  return text.includes('cross_site_request') || text.includes('came from another site')
}

const COUNTED_TABLES = [
  'users', 'api_tokens', 'pages', 'revisions', 'sources', 'figures', 'citations', 'findings',
  'moderation_decisions', 'moderation_log', 'reports', 'jobs',
] as const

/**
 * A fingerprint of what a refused request must not change: row counts of the content tables,
 * every account's role and block, every live token, every session. The security log and the
 * rate-limit counters are left out — recording a refusal is their job.
 */
export async function stateOf(db: Kysely<Database>): Promise<string> {
  const counts: Record<string, number> = {}
  for (const table of COUNTED_TABLES) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  const users = await db.selectFrom('users').select(['id', 'role', 'blocked_until', 'block_reason', 'password_hash']).orderBy('id').execute()
  const tokens = await db.selectFrom('api_tokens').select(['id', 'revoked_at']).orderBy('id').execute()
  const sessions = await db.selectFrom('sessions').select(['id']).orderBy('id').execute()
  const pages = await db.selectFrom('pages').select(['id', 'stable_revision_id', 'latest_revision_id', 'protection']).orderBy('id').execute()
  const revisions = await db.selectFrom('revisions').select(['id', 'status']).orderBy('id').execute()
  return JSON.stringify({ counts, users, tokens, sessions, pages, revisions })
}
