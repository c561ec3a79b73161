/**
 * fetchPublic: the link checker's only way onto the network. It GETs a source URL while refusing to
 * talk to anything but public internet addresses, so a hostile citation cannot make our server probe
 * its own network (SSRF: cloud metadata at 169.254.169.254, admin ports on localhost, the LAN).
 *
 * Defence in layers, each one enough on its own for the case it covers:
 *  1. URL shape, before any network: http/https only, port 80/443 only, no credentials.
 *  2. Host literal, before any network: IP literals (in any spelling) and `localhost` names.
 *  3. At connect time, inside the undici connector, on the address actually dialled: host names are
 *     resolved by our `lookup` hook, which refuses the whole name if ANY address is not public (the
 *     socket may pick any of them, and a rebinding DNS server can answer differently from one query
 *     to the next — so we never resolve "ahead" and connect later). After connecting, the peer
 *     address is judged once more as a backstop.
 *  4. Redirects are followed by hand (undici's `request` never follows them) and every hop goes
 *     through 1–3 again.
 *
 * Decisions (a caller will ask):
 *  - More than `maxRedirects` redirects → status 'error' with reason "redirect loop: more than N
 *    redirects". Not 'redirected' (that means "arrived, via redirects") and not 'dead' (the server
 *    answers; it is misconfigured, and a cookie-less client may be the cause).
 *  - A body is read only for a 2xx final answer with a text-like (or missing) content type. Error
 *    pages and binaries are not read: the link checker needs their status, not their bytes.
 *  - `finalUrl`/`httpStatus`/`contentType` describe the last response received. `redirects` lists every
 *    Location taken as a hop, including a last one that was then blocked or failed.
 *  - An unparsable URL → 'error'; a parsable one that breaks policy → 'blocked'.
 */
import dns from 'node:dns'
import net from 'node:net'
import ipaddr from 'ipaddr.js'
import { Agent, buildConnector, request } from 'undici'
import type { Dispatcher } from 'undici'

type FetchStatus = 'ok' | 'redirected' | 'dead' | 'blocked' | 'timeout' | 'too-large' | 'error'

export interface FetchPublicOptions {
  connectTimeoutMs?: number
  totalTimeoutMs?: number
  /** Read at most this many body bytes, then stop with 'too-large' (the text read so far is kept). */
  maxBytes?: number
  maxRedirects?: number
  userAgent?: string
  /** TEST ONLY: host:port pairs (e.g. '127.0.0.1:41234', '[::1]:41234') that may be reached although not
   * public and not on port 80/443. Production code never passes it. */
  testAllowlist?: ReadonlySet<string>
}

export interface FetchPublicResult {
  status: FetchStatus
  httpStatus: number | null
  /** The URL asked for, verbatim. */
  url: string
  /** The URL of the last response received (after redirects); null when nothing answered. */
  finalUrl: string | null
  /** Each Location taken as a hop, absolute. */
  redirects: string[]
  contentType: string | null
  /** Decoded text; null when not read (not 2xx, not text-like, blocked, failed). */
  body: string | null
  bytesRead: number
  /** Human-readable why, for the link checker's report; null when status is 'ok'/'redirected'. */
  reason: string | null
  /**
   * Nothing answered because of the network, not the site: the name lookup failed ('dns') or no
   * connection could be opened ('connect'). From one source this cannot tell a site that is gone
   * from a machine that is offline; the link checker judges a pass's failures together.
   */
  network: 'dns' | 'connect' | null
}

const DEFAULTS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 20_000,
  maxBytes: 1_048_576,
  maxRedirects: 5,
  userAgent: 'SourcedLinkChecker/1.0 (+https://sourced.example/about)',
} as const

/** Resolves a host name to every address it has (what `dns.lookup(name, { all: true })` returns). */
export type ResolveAll = (hostname: string) => Promise<dns.LookupAddress[]>

/** What `fetchPublicWith` needs from the outside world; tests replace it, production uses the defaults. */
export interface FetchPublicDeps {
  resolveAll: ResolveAll
  /** Ports a URL may name. Only tests widen it, to prove the address rule on their own listener ports. */
  allowedPorts: ReadonlySet<number>
}

const defaultDeps: FetchPublicDeps = {
  resolveAll: (hostname) => dns.promises.lookup(hostname, { all: true }),
  allowedPorts: new Set([80, 443]),
}

type Verdict = { ok: true } | { ok: false; reason: string }
const allow: Verdict = { ok: true }
const deny = (reason: string): Verdict => ({ ok: false, reason })

/** A policy refusal raised inside the connector; mapped to status 'blocked'. */
export class BlockedError extends Error {
  readonly code = 'ERR_FETCH_PUBLIC_BLOCKED'
  constructor(reason: string) {
    super(reason)
    this.name = 'BlockedError'
  }
}

// ---------------------------------------------------------------------------------------------
// Which addresses are public
// ---------------------------------------------------------------------------------------------

type Cidr = readonly [string, string]

/**
 * IPv4 ranges that are never public. ipaddr.js classifies all of them as something other than
 * 'unicast' today; listing them again means a reclassification in a future ipaddr.js cannot
 * silently open a hole. Second item: why it is not public.
 */
const NON_PUBLIC_V4: readonly Cidr[] = [
  ['0.0.0.0/8', '"this network"; connecting to 0.0.0.0 reaches localhost on Linux'],
  ['10.0.0.0/8', 'private (RFC 1918)'],
  ['100.64.0.0/10', 'carrier-grade NAT (RFC 6598): the provider-side LAN, often cloud-internal'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local; home of cloud metadata services (169.254.169.254)'],
  ['172.16.0.0/12', 'private (RFC 1918)'],
  ['192.0.0.0/24', 'IETF protocol assignments (RFC 6890), not globally routed'],
  ['192.0.2.0/24', 'documentation TEST-NET-1 (RFC 5737)'],
  ['192.88.99.0/24', 'deprecated 6to4 relay anycast (RFC 7526)'],
  ['192.168.0.0/16', 'private (RFC 1918)'],
  ['198.18.0.0/15', 'benchmarking (RFC 2544); used for internal test networks'],
  ['198.51.100.0/24', 'documentation TEST-NET-2 (RFC 5737)'],
  ['203.0.113.0/24', 'documentation TEST-NET-3 (RFC 5737)'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved (includes 255.255.255.255 broadcast)'],
]

/** IPv6 ranges inside 2000::/3 (global unicast) that are still not public. */
const NON_PUBLIC_V6: readonly Cidr[] = [
  ['2001::/23', 'IETF protocol assignments (RFC 2928), includes Teredo 2001::/32 (see isPublicIPv6)'],
  ['2001:db8::/32', 'documentation (RFC 3849)'],
  ['3fff::/20', 'documentation (RFC 9637)'],
]

const parsedV4 = NON_PUBLIC_V4.map(([cidr]) => ipaddr.IPv4.parseCIDR(cidr))
const parsedV6 = NON_PUBLIC_V6.map(([cidr]) => ipaddr.IPv6.parseCIDR(cidr))

/** Global unicast: everything IANA hands out to the internet lives here; the rest of the v6 space is
 * special-purpose or unassigned (e.g. the deprecated IPv4-compatible ::a.b.c.d, which ipaddr.js calls
 * 'unicast'). */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3')
/** NAT64 well-known prefix (RFC 6052): the last 32 bits are the IPv4 address a NAT64 gateway dials. */
const NAT64_V6 = ipaddr.IPv6.parseCIDR('64:ff9b::/96')
/** IPv4-translated (RFC 6145 SIIT): ::ffff:0:a.b.c.d also carries its IPv4 target in the last 32 bits. */
const IPV4_TRANSLATED_V6 = ipaddr.IPv6.parseCIDR('::ffff:0:0:0/96')
/** 6to4 (RFC 3056): 2002:AABB:CCDD::/48 is routed by relays to IPv4 AA.BB.CC.DD, so judge that. */
const SIX_TO_FOUR_V6 = ipaddr.IPv6.parseCIDR('2002::/16')

/**
 * True only for addresses on the public internet. Accepts IPv4 and IPv6 literals, with or without
 * [brackets], and the legacy IPv4 spellings inet_aton accepts (`2130706433`, `0x7f.1`, `0177.0.0.1`,
 * `127.1`) — they are normalised first so they cannot slip past as "not an IP". Anything that is not
 * an IP literal is not public.
 */
export function isPublicAddress(ip: string): boolean {
  const address = parseIpLiteral(ip)
  if (!address) return false
  return address.kind() === 'ipv4' ? isPublicIPv4(address as ipaddr.IPv4) : isPublicIPv6(address as ipaddr.IPv6)
}

function parseIpLiteral(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text
  if (!ipaddr.isValid(bare)) return null
  try {
    return ipaddr.parse(bare)
  } catch {
    return null
  }
}

function isPublicIPv4(address: ipaddr.IPv4): boolean {
  return address.range() === 'unicast' && !parsedV4.some((range) => address.match(range))
}

function isPublicIPv6(address: ipaddr.IPv6): boolean {
  const embedded = embeddedIPv4(address)
  if (embedded) return isPublicIPv4(embedded)
  // Teredo (2001::/32) hides its IPv4 endpoints XOR-obfuscated behind a relay; no source worth citing
  // is reachable only that way, so it stays blocked rather than decoded.
  if (address.range() !== 'unicast') return false
  if (!address.match(GLOBAL_UNICAST_V6)) return false
  return !parsedV6.some((range) => address.match(range))
}

/** The IPv4 address an IPv6 address stands for, for the forms where the network delivers to it. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray()
  const v4 = (offset: number) => new ipaddr.IPv4(bytes.slice(offset, offset + 4))
  // ::ffff:a.b.c.d — a dual-stack socket connects straight to a.b.c.d.
  if (address.isIPv4MappedAddress()) return v4(12)
  if (address.match(IPV4_TRANSLATED_V6) || address.match(NAT64_V6)) return v4(12)
  if (address.match(SIX_TO_FOUR_V6)) return v4(2)
  return null
}

// ---------------------------------------------------------------------------------------------
// URL and host checks (no DNS)
// ---------------------------------------------------------------------------------------------

/**
 * Checks what can be checked from the URL text alone: scheme http/https, port 80/443 (explicit or
 * default), no credentials. The host is NOT resolved here (and not judged: see fetchPublic).
 */
export function checkUrlShape(url: string): { ok: true; url: URL } | { ok: false; reason: string } {
  const parsed = parseUrl(url)
  if (!parsed) return { ok: false, reason: 'invalid URL' }
  const verdict = firstDenial([
    () => checkScheme(parsed),
    () => checkCredentials(parsed),
    () => checkPort(parsed, defaultDeps.allowedPorts),
  ])
  return verdict.ok ? { ok: true, url: parsed } : verdict
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function firstDenial(checks: ReadonlyArray<() => Verdict>): Verdict {
  for (const check of checks) {
    const verdict = check()
    if (!verdict.ok) return verdict
  }
  return allow
}

function checkScheme(url: URL): Verdict {
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? allow
    : deny(`scheme ${url.protocol} is not allowed (only http: and https:)`)
}

// Credentials in a URL are either a leak waiting to happen or a way to dress up a host
// ("http://trusted.example@evil.example/"); a public source never needs them.
function checkCredentials(url: URL): Verdict {
  return url.username === '' && url.password === '' ? allow : deny('URLs with a username or password are not allowed')
}

function checkPort(url: URL, allowedPorts: ReadonlySet<number>): Verdict {
  const port = effectivePort(url.protocol, url.port)
  return allowedPorts.has(port) ? allow : deny(`port ${port} is not allowed (only 80 and 443)`)
}

function effectivePort(protocol: string, port: string): number {
  if (port !== '') return Number(port)
  return protocol === 'https:' ? 443 : 80
}

/** The allowlist key, in URL `host` form: IPv6 in brackets, port always explicit. */
function hostPortKey(hostname: string, port: number): string {
  const host = net.isIPv6(hostname) ? `[${hostname}]` : hostname
  return `${host}:${port}`
}

/**
 * Judges a host without DNS: IP literals by address (WHATWG URL parsing has already normalised odd
 * IPv4 spellings, and parseIpLiteral catches any it did not), `localhost` names by name. Other names
 * pass here; they are judged at connect time on what they resolve to.
 */
function checkHostWithoutDns(hostname: string): Verdict {
  const bare = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase()
  // RFC 6761: resolvers may answer loopback for 'localhost' and anything under it, without asking DNS.
  if (bare === 'localhost' || bare.endsWith('.localhost')) return deny(`host ${bare} is a loopback name`)
  const address = parseIpLiteral(bare)
  if (address && !isPublicAddress(bare)) return deny(`address ${address.toString()} is not public`)
  return allow
}

interface TargetPolicy {
  allowlist: ReadonlySet<string>
  allowedPorts: ReadonlySet<number>
}

/** Every check that runs before a hop touches the network. Address before port, so the reason names
 * the more fundamental problem. */
function checkTarget(url: URL, policy: TargetPolicy): Verdict {
  const schemeOk = firstDenial([() => checkScheme(url), () => checkCredentials(url)])
  if (!schemeOk.ok) return schemeOk
  if (policy.allowlist.has(hostPortKey(url.hostname, effectivePort(url.protocol, url.port)))) return allow
  return firstDenial([() => checkHostWithoutDns(url.hostname), () => checkPort(url, policy.allowedPorts)])
}

// ---------------------------------------------------------------------------------------------
// Connect-time checks (the authoritative ones)
// ---------------------------------------------------------------------------------------------

/**
 * A `net.connect` lookup hook: resolves every address of the name and refuses the whole name if any
 * one is not public, because happy-eyeballs (autoSelectFamily) may dial any of them.
 */
export function createPublicLookup(resolveAll: ResolveAll): net.LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (addresses) => {
        const refused = addresses.find((entry) => !isPublicAddress(entry.address))
        if (refused) {
          callback(new BlockedError(`address ${refused.address} is not public (${hostname} resolves to it)`), '')
          return
        }
        const wanted = addresses.filter((entry) => !options.family || entry.family === options.family)
        const first = wanted[0]
        if (!first) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '')
          return
        }
        if (options.all) callback(null, wanted)
        else callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    )
  }
}

export interface PublicConnectorOptions extends TargetPolicy {
  connectTimeoutMs: number
  resolveAll: ResolveAll
}

/**
 * An undici connector that only opens sockets to public addresses (or to test-allowlisted
 * host:port pairs). IP literals never reach `net.connect` unless public; names go through
 * createPublicLookup; the connected peer is judged again as a backstop.
 */
export function createPublicConnector(options: PublicConnectorOptions): buildConnector.connector {
  const guarded = buildConnector({ timeout: options.connectTimeoutMs, lookup: createPublicLookup(options.resolveAll) })
  const unguarded = buildConnector({ timeout: options.connectTimeoutMs })
  return (target, callback) => {
    const port = effectivePort(target.protocol, target.port)
    if (options.allowlist.has(hostPortKey(target.hostname, port))) {
      unguarded(target, callback)
      return
    }
    const verdict = firstDenial([
      () => checkHostWithoutDns(target.hostname),
      () => (options.allowedPorts.has(port) ? allow : deny(`port ${port} is not allowed (only 80 and 443)`)),
    ])
    if (!verdict.ok) {
      // Deferred: undici expects the callback after connect() returns, as a real socket would.
      queueMicrotask(() => callback(new BlockedError(verdict.reason), null))
      return
    }
    guarded(target, (error, socket) => {
      if (error) {
        callback(error, null)
        return
      }
      const peer = socket.remoteAddress
      if (peer === undefined || !isPublicAddress(peer)) {
        socket.destroy()
        callback(new BlockedError(`address ${peer ?? 'unknown'} is not public`), null)
        return
      }
      callback(null, socket)
    })
  }
}

// ---------------------------------------------------------------------------------------------
// Fetching
// ---------------------------------------------------------------------------------------------

interface Settings extends TargetPolicy {
  connectTimeoutMs: number
  totalTimeoutMs: number
  maxBytes: number
  maxRedirects: number
  userAgent: string
}

function toSettings(options: FetchPublicOptions, deps: FetchPublicDeps): Settings {
  return {
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs,
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    userAgent: options.userAgent ?? DEFAULTS.userAgent,
    allowlist: options.testAllowlist ?? new Set(),
    allowedPorts: deps.allowedPorts,
  }
}

/** GETs a URL from the public internet only. Never throws; every outcome is a status. */
export async function fetchPublic(url: string, options?: FetchPublicOptions): Promise<FetchPublicResult> {
  return fetchPublicWith(defaultDeps, url, options)
}

/** @internal fetchPublic with its DNS and port policy injectable — for tests only. */
export async function fetchPublicWith(
  deps: Partial<FetchPublicDeps>,
  url: string,
  options: FetchPublicOptions = {},
): Promise<FetchPublicResult> {
  const fullDeps = { ...defaultDeps, ...deps }
  const result = emptyResult(url)
  try {
    return await fetchFollowingRedirects(result, toSettings(options, fullDeps), fullDeps)
  } catch (error) {
    // Nothing above should throw; if it does, the link checker still gets a result, not a crash.
    return { ...result, status: 'error', body: null, reason: `unexpected failure: ${describeError(error)}` }
  }
}

function emptyResult(url: string): FetchPublicResult {
  return {
    status: 'error',
    httpStatus: null,
    url,
    finalUrl: null,
    redirects: [],
    contentType: null,
    body: null,
    bytesRead: 0,
    reason: null,
    network: null,
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

async function fetchFollowingRedirects(
  result: FetchPublicResult,
  settings: Settings,
  deps: FetchPublicDeps,
): Promise<FetchPublicResult> {
  const first = parseUrl(result.url)
  if (!first) return { ...result, status: 'error', reason: 'invalid URL' }
  const firstVerdict = checkTarget(first, settings)
  if (!firstVerdict.ok) return { ...result, status: 'blocked', reason: firstVerdict.reason }

  // One agent per call: its connector carries this call's timeouts and allowlist, and no pooled
  // socket outlives the call.
  const agent = new Agent({
    connect: createPublicConnector({ ...settings, resolveAll: deps.resolveAll }),
    headersTimeout: settings.totalTimeoutMs,
    bodyTimeout: settings.totalTimeoutMs,
  })
  // One deadline across all hops, so a chain of slow redirects cannot add up past totalTimeoutMs.
  // The signal alone is not enough: undici only honours it once a socket is connected, so a slow
  // lookup or handshake would outlive it. Destroying the agent fails every pending request at once.
  const deadline = new AbortController()
  const timer = setTimeout(() => {
    deadline.abort()
    agent.destroy().catch(() => undefined)
  }, settings.totalTimeoutMs)
  try {
    let current = first
    for (;;) {
      const response = await request(current, {
        dispatcher: agent,
        method: 'GET',
        headers: requestHeaders(settings),
        signal: deadline.signal,
      })
      result.httpStatus = response.statusCode
      result.finalUrl = current.href
      result.contentType = headerValue(response.headers, 'content-type')

      if (!REDIRECT_STATUSES.has(response.statusCode)) {
        return await finishResponse(result, response, settings, deadline.signal)
      }
      discardBody(response.body)
      const next = nextHop(result, current, response, settings)
      if (!next.ok) return next.result
      current = next.url
    }
  } catch (error) {
    return { ...result, ...classifyError(error, deadline.signal.aborted, settings) }
  } finally {
    clearTimeout(timer)
    await agent.destroy().catch(() => undefined)
  }
}

function requestHeaders(settings: Settings): Record<string, string> {
  return {
    'user-agent': settings.userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    // Byte limits count what we read off the wire; compressed bodies would defeat them.
    'accept-encoding': 'identity',
  }
}

type NextHop = { ok: true; url: URL } | { ok: false; result: FetchPublicResult }

/** Decides whether a redirect is followed, recording it in `result` when it is. */
function nextHop(
  result: FetchPublicResult,
  current: URL,
  response: Dispatcher.ResponseData,
  settings: Settings,
): NextHop {
  const stop = (status: FetchStatus, reason: string): NextHop => ({ ok: false, result: { ...result, status, reason } })
  const location = headerValue(response.headers, 'location')
  if (location === null) return stop('error', `HTTP ${response.statusCode} without a Location header`)
  let next: URL
  try {
    next = new URL(location, current)
  } catch {
    return stop('error', `HTTP ${response.statusCode} with an invalid Location: ${location}`)
  }
  if (result.redirects.length >= settings.maxRedirects) {
    return stop('error', `redirect loop: more than ${settings.maxRedirects} redirects`)
  }
  result.redirects.push(next.href)
  const verdict = checkTarget(next, settings)
  if (!verdict.ok) return stop('blocked', `redirect to ${next.href} blocked: ${verdict.reason}`)
  return { ok: true, url: next }
}

async function finishResponse(
  result: FetchPublicResult,
  response: Dispatcher.ResponseData,
  settings: Settings,
  deadline: AbortSignal,
): Promise<FetchPublicResult> {
  const status = response.statusCode
  if (status < 200 || status >= 300) {
    discardBody(response.body)
    const httpStatusKind: FetchStatus = status >= 400 ? 'dead' : 'error'
    return { ...result, status: httpStatusKind, reason: `HTTP ${status}` }
  }
  const arrived: FetchStatus = result.redirects.length > 0 ? 'redirected' : 'ok'
  if (!isTextLike(result.contentType)) {
    discardBody(response.body)
    return { ...result, status: arrived, reason: null }
  }
  const read = await readBody(response.body, charsetOf(result.contentType), settings.maxBytes)
  const withBody = { ...result, body: read.text, bytesRead: read.bytesRead }
  if (read.outcome === 'complete') return { ...withBody, status: arrived, reason: null }
  if (read.outcome === 'too-large') {
    return { ...withBody, status: 'too-large', reason: `body larger than ${settings.maxBytes} bytes` }
  }
  return { ...withBody, ...classifyError(read.error, deadline.aborted, settings), network: null }
}

// Missing content type counts as text: such pages are nearly always HTML, and the read is bounded.
function isTextLike(contentType: string | null): boolean {
  if (contentType === null) return true
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase()
  return (
    type === '' ||
    type.startsWith('text/') ||
    /^application\/(?:json|xml|xhtml\+xml|javascript|ecmascript|[\w.-]+\+(?:json|xml))$/.test(type)
  )
}

const LATIN1_LABELS = new Set(['latin1', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'windows-1252', 'cp1252'])

function charsetOf(contentType: string | null): 'utf-8' | 'windows-1252' {
  const match = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i)
  const label = match?.[1]?.toLowerCase()
  // WHATWG Encoding maps every latin1 label to windows-1252 (a superset browsers use for them).
  return label !== undefined && LATIN1_LABELS.has(label) ? 'windows-1252' : 'utf-8'
}

type BodyRead =
  | { outcome: 'complete'; text: string; bytesRead: number }
  | { outcome: 'too-large'; text: string; bytesRead: number }
  | { outcome: 'failed'; text: string; bytesRead: number; error: unknown }

/** Streams the body, keeping at most maxBytes; on overflow it stops and destroys the stream, which
 * aborts the download instead of draining it. */
async function readBody(
  body: Dispatcher.ResponseData['body'],
  charset: 'utf-8' | 'windows-1252',
  maxBytes: number,
): Promise<BodyRead> {
  const decoder = new TextDecoder(charset)
  let text = ''
  let bytesRead = 0
  try {
    for await (const chunk of body) {
      const bytes = chunk as Buffer
      const room = maxBytes - bytesRead
      if (bytes.length > room) {
        // stream: true keeps a multi-byte character cut at the limit out of the text.
        text += decoder.decode(bytes.subarray(0, room), { stream: true })
        bytesRead += room
        discardBody(body)
        return { outcome: 'too-large', text, bytesRead }
      }
      bytesRead += bytes.length
      text += decoder.decode(bytes, { stream: true })
    }
    return { outcome: 'complete', text: text + decoder.decode(), bytesRead }
  } catch (error) {
    return { outcome: 'failed', text, bytesRead, error }
  }
}

/** Hangs up on a body we will not read. undici reports that as a RequestAbortedError on the stream;
 * it is the outcome we asked for, so it is swallowed rather than left to crash the process. */
function discardBody(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined)
  body.destroy()
}

function headerValue(headers: Dispatcher.ResponseData['headers'], name: string): string | null {
  const value = headers[name]
  if (Array.isArray(value)) return value[0] ?? null
  return value ?? null
}

// ---------------------------------------------------------------------------------------------
// Errors → statuses
// ---------------------------------------------------------------------------------------------

function classifyError(
  error: unknown,
  timedOut: boolean,
  settings: Settings,
): Pick<FetchPublicResult, 'status' | 'reason' | 'network'> {
  const blocked = findBlockedError(error)
  if (blocked) return { status: 'blocked', reason: blocked.message, network: null }
  if (timedOut) return { status: 'timeout', reason: `total timeout after ${settings.totalTimeoutMs} ms`, network: null }
  const code = errorCode(error)
  return { ...statusOfError(code, error, settings), network: NETWORK_ERRORS[code ?? ''] ?? null }
}

/** Error codes that mean the network failed before any server answered. */
const NETWORK_ERRORS: Record<string, 'dns' | 'connect'> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  ECONNREFUSED: 'connect',
  ENETUNREACH: 'connect',
  EHOSTUNREACH: 'connect',
  ENETDOWN: 'connect',
  EADDRNOTAVAIL: 'connect',
  ETIMEDOUT: 'connect',
  UND_ERR_CONNECT_TIMEOUT: 'connect',
}

function statusOfError(code: string | null, error: unknown, settings: Settings): Pick<FetchPublicResult, 'status' | 'reason'> {
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { status: 'timeout', reason: `connect timeout after ${settings.connectTimeoutMs} ms` }
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return { status: 'timeout', reason: `total timeout after ${settings.totalTimeoutMs} ms` }
    // A name that does not exist or a port nobody listens on: the link is dead, not flaky.
    case 'ENOTFOUND':
      return { status: 'dead', reason: `DNS lookup failed: ${describeError(error)}` }
    case 'ECONNREFUSED':
      return { status: 'dead', reason: `connection refused: ${describeError(error)}` }
    default:
      return { status: 'error', reason: describeError(error) }
  }
}

function findBlockedError(error: unknown): BlockedError | null {
  if (error instanceof BlockedError) return error
  if (error instanceof Error && error.cause instanceof BlockedError) return error.cause
  return null
}

function errorCode(error: unknown): string | null {
  const read = (value: unknown): string | null =>
    typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string' ? value.code : null
  return read(error) ?? (error instanceof Error ? read(error.cause) : null)
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}
