import dns from 'node:dns'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  BlockedError,
  checkUrlShape,
  createPublicConnector,
  createPublicLookup,
  fetchPublic,
  fetchPublicWith,
  isPublicAddress,
  type ResolveAll,
} from './fetch-public.server'

// ---------------------------------------------------------------------------------------------
// Local listeners that count every TCP connection they accept: "blocked" must mean "never dialled".
// ---------------------------------------------------------------------------------------------

interface Listener {
  server: http.Server
  port: number
  connections: number
  hits: Map<string, number>
}

async function startListener(host: string, handler: http.RequestListener): Promise<Listener> {
  const server = http.createServer(handler)
  const listener: Listener = { server, port: 0, connections: 0, hits: new Map() }
  server.on('connection', () => {
    listener.connections += 1
  })
  server.on('request', (req: http.IncomingMessage) => {
    const path = req.url ?? ''
    listener.hits.set(path, (listener.hits.get(path) ?? 0) + 1)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve())
  })
  listener.port = (server.address() as AddressInfo).port
  return listener
}

/** The trap listens dual-stack where the host allows it, so it would also catch ::1 and
 * ::ffff:127.0.0.1; it answers 200 so a wrongly allowed request would visibly succeed. */
async function startTrap(): Promise<Listener> {
  const handler: http.RequestListener = (_req, res) => res.end('trap')
  return startListener('::', handler).catch(() => startListener('127.0.0.1', handler))
}

async function stopListener(listener: Listener): Promise<void> {
  listener.server.closeAllConnections()
  await new Promise<void>((resolve) => listener.server.close(() => resolve()))
}

/** A port with nothing listening on it (bound, then released). */
async function freePort(): Promise<number> {
  const probe = await startListener('127.0.0.1', (_req, res) => res.end())
  await stopListener(probe)
  return probe.port
}

const ONE_GB = 1024 ** 3
const CHUNK = Buffer.alloc(64 * 1024, 'a')
let hugeBytesSent = 0
let hugeClosed = false

/** Streams up to 1 GB lazily, respecting backpressure, and stops when the client goes away. */
function streamHugeBody(res: http.ServerResponse): void {
  hugeBytesSent = 0
  hugeClosed = false
  res.once('close', () => (hugeClosed = true))
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
  const pump = (): void => {
    while (hugeBytesSent < ONE_GB && !res.destroyed) {
      hugeBytesSent += CHUNK.length
      if (!res.write(CHUNK)) {
        res.once('drain', pump)
        return
      }
    }
    res.end()
  }
  pump()
}

let trap: Listener
let origin: Listener
let originBase: string
let allowOrigin: ReadonlySet<string>

const originRoutes: Record<string, (res: http.ServerResponse) => void> = {
  '/ok': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end('<p>héllo</p>')
  },
  '/latin1': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' })
    res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9])) // "café" in latin1
  },
  '/no-type': (res) => res.end('plain words'),
  '/binary': (res) => {
    res.writeHead(200, { 'content-type': 'image/png' })
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  },
  '/accents': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('ééé') // 6 bytes
  },
  '/missing': (res) => {
    res.writeHead(404, { 'content-type': 'text/html' })
    res.end('not here')
  },
  '/broken': (res) => {
    res.writeHead(500)
    res.end()
  },
  '/moved': (res) => redirect(res, 301, '/ok'),
  '/loop': (res) => redirect(res, 302, '/loop'),
  '/no-location': (res) => {
    res.writeHead(302)
    res.end()
  },
  '/to-metadata': (res) => redirect(res, 302, 'http://169.254.169.254/latest/meta-data/'),
  '/to-trap': (res) => redirect(res, 302, `http://127.0.0.1:${trap.port}/secret`),
  '/to-rebind': (res) => redirect(res, 302, `http://rebind.test:${trap.port}/`),
  '/to-file': (res) => redirect(res, 302, 'file:///etc/passwd'),
  '/hang': () => {
    // Accept the request, never answer.
  },
  '/huge': streamHugeBody,
}

function redirect(res: http.ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location })
  res.end()
}

beforeAll(async () => {
  trap = await startTrap()
  origin = await startListener('127.0.0.1', (req, res) => {
    const route = originRoutes[req.url ?? '']
    if (route) route(res)
    else redirect(res, 404, '/')
  })
  originBase = `http://127.0.0.1:${origin.port}`
  allowOrigin = new Set([`127.0.0.1:${origin.port}`])
})

afterAll(async () => {
  await stopListener(trap)
  await stopListener(origin)
})

beforeEach(() => {
  for (const listener of [trap, origin]) {
    listener.connections = 0
    listener.hits.clear()
  }
})

const LOOPBACK_IS_NOT_PUBLIC = /address 127\.0\.0\.1 is not public/

// ---------------------------------------------------------------------------------------------

describe('fetchPublic: blocked targets never reach a socket', () => {
  // PORT is the trap's port, filled in at run time. Address is judged before port, so these
  // reasons prove the address rule even where the port rule would also have refused.
  it.each([
    { url: 'http://127.0.0.1:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://localhost:PORT/', reason: /host localhost is a loopback name/ },
    { url: 'http://localhost.:PORT/', reason: /host localhost is a loopback name/ },
    { url: 'http://www.localhost:PORT/', reason: /loopback name/ },
    { url: 'http://[::1]:PORT/', reason: /address ::1 is not public/ },
    { url: 'http://0.0.0.0:PORT/', reason: /address 0\.0\.0\.0 is not public/ },
    { url: 'http://[::]:PORT/', reason: /address :: is not public/ },
    { url: 'http://[::ffff:127.0.0.1]:PORT/', reason: /address ::ffff:7f00:1 is not public/ },
    { url: 'http://[::ffff:a9fe:a9fe]/', reason: /address ::ffff:a9fe:a9fe is not public/ },
    { url: 'http://[64:ff9b::7f00:1]:PORT/', reason: /is not public/ },
    { url: 'http://169.254.169.254/', reason: /address 169\.254\.169\.254 is not public/ },
    // Odd IPv4 spellings: WHATWG URL parsing turns all of these into 127.0.0.1.
    { url: 'http://2130706433:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://0x7f.1:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://017700000001:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://127.1:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://0177.0.0.1:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://0x7f.0x0.0x0.0x1:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://127.0.0.1.:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://%31%32%37.0.0.1:PORT/', reason: LOOPBACK_IS_NOT_PUBLIC },
    // Port-80 forms: no port rule to hide behind, the address rule alone refuses them.
    { url: 'http://127.0.0.1/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'https://127.0.0.1/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://localhost/', reason: /loopback name/ },
    { url: 'http://[::1]/', reason: /address ::1 is not public/ },
    { url: 'http://0.0.0.0/', reason: /address 0\.0\.0\.0 is not public/ },
    { url: 'http://2130706433/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://0x7f.1/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://127.1/', reason: LOOPBACK_IS_NOT_PUBLIC },
    { url: 'http://10.0.0.1/', reason: /address 10\.0\.0\.1 is not public/ },
    { url: 'http://172.16.0.1/', reason: /address 172\.16\.0\.1 is not public/ },
    { url: 'http://172.31.255.255/', reason: /address 172\.31\.255\.255 is not public/ },
    { url: 'http://192.168.1.1/', reason: /address 192\.168\.1\.1 is not public/ },
    { url: 'http://100.64.0.1/', reason: /address 100\.64\.0\.1 is not public/ },
    { url: 'http://[fc00::1]/', reason: /address fc00::1 is not public/ },
    { url: 'http://[fd12::1]/', reason: /address fd12::1 is not public/ },
    { url: 'http://[fe80::1]/', reason: /address fe80::1 is not public/ },
    // Not http(s), or dressed up: refused before anything else.
    { url: 'file:///etc/passwd', reason: /scheme file: is not allowed/ },
    { url: 'gopher://127.0.0.1:70/', reason: /scheme gopher: is not allowed/ },
    { url: 'data:text/html,hi', reason: /scheme data: is not allowed/ },
    { url: 'javascript:alert(1)', reason: /scheme javascript: is not allowed/ },
    { url: 'ftp://example.com/', reason: /scheme ftp: is not allowed/ },
    { url: 'http://user:pass@example.com/', reason: /username or password/ },
    { url: 'http://user@127.0.0.1:PORT/', reason: /username or password/ },
    // A public-looking name on a non-web port: refused without DNS.
    { url: 'http://example.com:PORT/', reason: /port \d+ is not allowed/ },
    { url: 'https://example.com:8443/', reason: /port 8443 is not allowed/ },
  ])('$url → blocked', async ({ url, reason }) => {
    const target = url.replace('PORT', String(trap.port))
    const result = await fetchPublic(target)
    expect(result).toMatchObject({ status: 'blocked', url: target, httpStatus: null, finalUrl: null, body: null })
    expect(result.reason).toMatch(reason)
    expect(trap.connections).toBe(0)
    expect(origin.connections).toBe(0)
  })

  it('reports an unparsable URL as an error, not a crash', async () => {
    const result = await fetchPublic('http://[fe80::1%25eth0]/')
    expect(result).toMatchObject({ status: 'error', reason: 'invalid URL' })
  })

  it('sanity check: the trap IS reachable when allowlisted, so zero connections above means blocked', async () => {
    const result = await fetchPublic(`http://127.0.0.1:${trap.port}/`, {
      testAllowlist: new Set([`127.0.0.1:${trap.port}`]),
    })
    expect(result).toMatchObject({ status: 'ok', body: 'trap' })
    expect(trap.connections).toBe(1)
  })
})

describe('fetchPublic: host names are judged at connect time, on what they resolve to', () => {
  // The port rule is widened to the trap's port so that only the address rule stands between the
  // request and the trap listener.
  const portsWithTrap = (): ReadonlySet<number> => new Set([80, 443, trap.port])

  function resolvingTo(...addresses: string[]): ResolveAll & { calls: string[] } {
    const calls: string[] = []
    const resolve = async (hostname: string) => {
      calls.push(hostname)
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    }
    return Object.assign(resolve, { calls })
  }

  it('blocks a name that resolves to 127.0.0.1 (DNS rebinding)', async () => {
    const resolveAll = resolvingTo('127.0.0.1')
    const result = await fetchPublicWith({ resolveAll, allowedPorts: portsWithTrap() }, `http://rebind.test:${trap.port}/`)
    expect(result.status).toBe('blocked')
    expect(result.reason).toBe('address 127.0.0.1 is not public (rebind.test resolves to it)')
    expect(resolveAll.calls).toEqual(['rebind.test'])
    expect(trap.connections).toBe(0)
  })

  it('blocks a name when ANY of its addresses is not public', async () => {
    const resolveAll = resolvingTo('93.184.215.14', '::1')
    const result = await fetchPublicWith({ resolveAll, allowedPorts: portsWithTrap() }, `http://mixed.test:${trap.port}/`)
    expect(result).toMatchObject({ status: 'blocked', reason: 'address ::1 is not public (mixed.test resolves to it)' })
    expect(trap.connections).toBe(0)
  })

  it('re-checks a redirect hop: a public-looking name that resolves to loopback is blocked', async () => {
    const resolveAll = resolvingTo('127.0.0.1')
    const result = await fetchPublicWith({ resolveAll, allowedPorts: portsWithTrap() }, `${originBase}/to-rebind`, {
      testAllowlist: allowOrigin,
    })
    expect(result).toMatchObject({
      status: 'blocked',
      httpStatus: 302,
      finalUrl: `${originBase}/to-rebind`,
      redirects: [`http://rebind.test:${trap.port}/`],
    })
    expect(result.reason).toMatch(LOOPBACK_IS_NOT_PUBLIC)
    expect(trap.connections).toBe(0)
  })

  it('reports a name that does not exist as dead', async () => {
    const resolveAll: ResolveAll = async (hostname) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
    }
    const result = await fetchPublicWith({ resolveAll }, 'http://no-such-host.test/')
    expect(result).toMatchObject({ status: 'dead', httpStatus: null })
    expect(result.reason).toMatch(/DNS lookup failed/)
  })

  it('times out a connect that never completes (here: a lookup that never answers)', async () => {
    const never: ResolveAll = () => new Promise(() => {})
    const result = await fetchPublicWith({ resolveAll: never }, 'http://slow.test/', { connectTimeoutMs: 200 })
    expect(result).toMatchObject({ status: 'timeout', reason: 'connect timeout after 200 ms' })
  })

  it('the total timeout also covers name resolution', async () => {
    const never: ResolveAll = () => new Promise(() => {})
    const result = await fetchPublicWith({ resolveAll: never }, 'http://slow.test/', { totalTimeoutMs: 200 })
    // The reason names the total deadline, not the 5 s connect timeout: it did not wait for that.
    expect(result).toMatchObject({ status: 'timeout', reason: 'total timeout after 200 ms' })
  })
})

describe('createPublicLookup', () => {
  const systemDns: ResolveAll = (hostname) => dns.promises.lookup(hostname, { all: true })

  function lookup(resolveAll: ResolveAll, hostname: string, all: boolean) {
    return new Promise<{ error: unknown; address: unknown; family: unknown }>((resolve) => {
      createPublicLookup(resolveAll)(hostname, { all }, (error, address, family) => resolve({ error, address, family }))
    })
  }

  it('refuses localhost as the system resolver answers it', async () => {
    const { error } = await lookup(systemDns, 'localhost', true)
    expect(error).toBeInstanceOf(BlockedError)
  })

  it('answers in both callback shapes net.connect uses', async () => {
    const resolveAll: ResolveAll = async () => [
      { address: '2606:4700:4700::1111', family: 6 },
      { address: '1.1.1.1', family: 4 },
    ]
    expect(await lookup(resolveAll, 'one.test', true)).toEqual({
      error: null,
      address: [
        { address: '2606:4700:4700::1111', family: 6 },
        { address: '1.1.1.1', family: 4 },
      ],
      family: undefined,
    })
    expect(await lookup(resolveAll, 'one.test', false)).toEqual({
      error: null,
      address: '2606:4700:4700::1111',
      family: 6,
    })
  })
})

describe('createPublicConnector: the connect-time check stands on its own', () => {
  function connect(connector: ReturnType<typeof createPublicConnector>, hostname: string, port: number) {
    return new Promise<{ error: Error | null; socket: Socket | null }>((resolve) => {
      connector({ hostname, port: String(port), protocol: 'http:' }, (error, socket) => resolve({ error, socket }))
    })
  }

  it('refuses an IP literal without dialling, even with the port allowed', async () => {
    const connector = createPublicConnector({
      connectTimeoutMs: 1_000,
      allowlist: new Set(),
      allowedPorts: new Set([trap.port]),
      resolveAll: async () => [],
    })
    for (const hostname of ['127.0.0.1', '::1', '::ffff:7f00:1', '0.0.0.0']) {
      const { error } = await connect(connector, hostname, trap.port)
      expect(error).toBeInstanceOf(BlockedError)
    }
    expect(trap.connections).toBe(0)
  })

  it('dials an allowlisted host:port (and only that)', async () => {
    const connector = createPublicConnector({
      connectTimeoutMs: 1_000,
      allowlist: new Set([`127.0.0.1:${trap.port}`]),
      allowedPorts: new Set([80, 443]),
      resolveAll: async () => [],
    })
    const { error, socket } = await connect(connector, '127.0.0.1', trap.port)
    expect(error).toBeNull()
    socket?.destroy()
    expect((await connect(connector, '127.0.0.2', trap.port)).error).toBeInstanceOf(BlockedError)
  })
})

describe('fetchPublic: redirects', () => {
  it('follows 301 → 200 and reports redirected with the final URL', async () => {
    const result = await fetchPublic(`${originBase}/moved`, { testAllowlist: allowOrigin })
    expect(result).toMatchObject({
      status: 'redirected',
      httpStatus: 200,
      url: `${originBase}/moved`,
      finalUrl: `${originBase}/ok`,
      redirects: [`${originBase}/ok`],
      body: '<p>héllo</p>',
      reason: null,
    })
  })

  it('blocks a redirect to the cloud metadata address', async () => {
    const result = await fetchPublic(`${originBase}/to-metadata`, { testAllowlist: allowOrigin })
    expect(result).toMatchObject({
      status: 'blocked',
      httpStatus: 302,
      finalUrl: `${originBase}/to-metadata`,
      redirects: ['http://169.254.169.254/latest/meta-data/'],
      body: null,
    })
    expect(result.reason).toBe(
      'redirect to http://169.254.169.254/latest/meta-data/ blocked: address 169.254.169.254 is not public',
    )
    // Only the first hop was dialled: the origin took one connection, the trap none.
    expect(origin.connections).toBe(1)
    expect(trap.connections).toBe(0)
  })

  it('blocks a redirect to a loopback port that is not allowlisted, without dialling it', async () => {
    const result = await fetchPublic(`${originBase}/to-trap`, { testAllowlist: allowOrigin })
    expect(result.status).toBe('blocked')
    expect(result.reason).toMatch(LOOPBACK_IS_NOT_PUBLIC)
    expect(trap.connections).toBe(0)
  })

  it('blocks a redirect to another scheme', async () => {
    const result = await fetchPublic(`${originBase}/to-file`, { testAllowlist: allowOrigin })
    expect(result).toMatchObject({ status: 'blocked' })
    expect(result.reason).toMatch(/scheme file: is not allowed/)
  })

  it('stops a redirect loop after 5 hops, as an error', async () => {
    const result = await fetchPublic(`${originBase}/loop`, { testAllowlist: allowOrigin })
    expect(result).toMatchObject({ status: 'error', httpStatus: 302, reason: 'redirect loop: more than 5 redirects' })
    expect(result.redirects).toEqual(Array(5).fill(`${originBase}/loop`))
    expect(origin.hits.get('/loop')).toBe(6) // the first request and 5 followed redirects
  })

  it('honours maxRedirects', async () => {
    const result = await fetchPublic(`${originBase}/moved`, { testAllowlist: allowOrigin, maxRedirects: 0 })
    expect(result).toMatchObject({ status: 'error', redirects: [], reason: 'redirect loop: more than 0 redirects' })
  })

  it('treats a redirect without Location as an error', async () => {
    const result = await fetchPublic(`${originBase}/no-location`, { testAllowlist: allowOrigin })
    expect(result).toMatchObject({ status: 'error', httpStatus: 302 })
    expect(result.reason).toMatch(/without a Location/)
  })
})

describe('fetchPublic: answers', () => {
  it('200 → ok with the decoded body', async () => {
    const result = await fetchPublic(`${originBase}/ok`, { testAllowlist: allowOrigin })
    expect(result).toEqual({
      status: 'ok',
      httpStatus: 200,
      url: `${originBase}/ok`,
      finalUrl: `${originBase}/ok`,
      redirects: [],
      contentType: 'text/html; charset=utf-8',
      body: '<p>héllo</p>',
      bytesRead: Buffer.byteLength('<p>héllo</p>'),
      reason: null,
    })
  })

  it.each([
    { path: '/latin1', body: 'café' },
    { path: '/no-type', body: 'plain words' },
    { path: '/binary', body: null },
  ])('$path → body $body', async ({ path, body }) => {
    const result = await fetchPublic(`${originBase}${path}`, { testAllowlist: allowOrigin })
    expect(result).toMatchObject({ status: 'ok', body })
  })

  it.each([
    { path: '/missing', httpStatus: 404 },
    { path: '/broken', httpStatus: 500 },
  ])('$httpStatus → dead', async ({ path, httpStatus }) => {
    const result = await fetchPublic(`${originBase}${path}`, { testAllowlist: allowOrigin })
    expect(result).toMatchObject({ status: 'dead', httpStatus, body: null, reason: `HTTP ${httpStatus}` })
  })

  it('connection refused → dead', async () => {
    const port = await freePort()
    const result = await fetchPublic(`http://127.0.0.1:${port}/`, { testAllowlist: new Set([`127.0.0.1:${port}`]) })
    expect(result.status).toBe('dead')
    expect(result.reason).toMatch(/connection refused/)
  })

  it('a server that accepts but never answers → timeout', async () => {
    const result = await fetchPublic(`${originBase}/hang`, { testAllowlist: allowOrigin, totalTimeoutMs: 1_000 })
    expect(result).toMatchObject({ status: 'timeout', reason: 'total timeout after 1000 ms', httpStatus: null })
  })

  it('a 1 GB body → too-large, read no further than maxBytes', async () => {
    const maxBytes = 256 * 1024
    const result = await fetchPublic(`${originBase}/huge`, { testAllowlist: allowOrigin, maxBytes })
    expect(result).toMatchObject({ status: 'too-large', httpStatus: 200, reason: `body larger than ${maxBytes} bytes` })
    expect(result.bytesRead).toBeLessThanOrEqual(maxBytes + CHUNK.length)
    expect(result.body?.length).toBe(result.bytesRead) // ASCII: one byte, one character
    // The server stopped soon after we hung up, instead of pushing the whole gigabyte.
    await vi.waitFor(() => expect(hugeClosed).toBe(true))
    expect(hugeBytesSent).toBeLessThan(64 * 1024 * 1024)
  })

  it('a 1 GB body with the default limit → cut at 1 MiB', async () => {
    const result = await fetchPublic(`${originBase}/huge`, { testAllowlist: allowOrigin })
    expect(result).toMatchObject({ status: 'too-large', httpStatus: 200, bytesRead: 1_048_576, reason: 'body larger than 1048576 bytes' })
    expect(result.body).toHaveLength(1_048_576)
    await vi.waitFor(() => expect(hugeClosed).toBe(true))
    expect(hugeBytesSent).toBeLessThan(64 * 1024 * 1024)
  })

  it('cuts at maxBytes without splitting a character, and an exact fit is not too large', async () => {
    const cut = await fetchPublic(`${originBase}/accents`, { testAllowlist: allowOrigin, maxBytes: 3 })
    expect(cut).toMatchObject({ status: 'too-large', body: 'é', bytesRead: 3 })
    const exact = await fetchPublic(`${originBase}/accents`, { testAllowlist: allowOrigin, maxBytes: 6 })
    expect(exact).toMatchObject({ status: 'ok', body: 'ééé', bytesRead: 6 })
  })
})

describe('isPublicAddress', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '198.17.255.255',
    '198.20.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8', // IPv4-mapped, judged by 8.8.8.8
    '64:ff9b::808:808', // NAT64 of 8.8.8.8
    '2002:808:808::1', // 6to4 of 8.8.8.8
    '[2606:4700:4700::1111]',
  ])('%s is public', (ip) => {
    expect(isPublicAddress(ip)).toBe(true)
  })

  it.each([
    // loopback, this-network, unspecified
    '127.0.0.1',
    '127.255.255.254',
    '::1',
    '[::1]',
    '0.0.0.0',
    '0.1.2.3',
    '::',
    // odd IPv4 spellings of 127.0.0.1
    '2130706433',
    '0x7f.1',
    '017700000001',
    '127.1',
    '0177.0.0.1',
    // private, CGNAT, link-local
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.255',
    '169.254.169.254',
    // reserved, documentation, benchmarking, multicast, broadcast
    '192.0.0.1',
    '192.0.2.1',
    '192.88.99.1',
    '198.18.0.1',
    '198.19.255.255',
    '198.51.100.1',
    '203.0.113.1',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    // IPv6 special ranges
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12::1',
    'ff02::1',
    'fec0::1',
    '2001:db8::1',
    '3fff::1',
    '2001::1', // Teredo
    '2001:2::1', // benchmarking
    '100::1', // discard
    '::7f00:1', // deprecated IPv4-compatible
    '4000::1', // outside global unicast 2000::/3
    // IPv4 embedded in IPv6, judged by the IPv4
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1',
    '::ffff:0:7f00:1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::808:808', // local-use NAT64 prefix
    '2002:7f00:1::',
    '2002:a9fe:a9fe::',
    // not an address at all
    'localhost',
    'example.com',
    '',
    '1.2.3.4.5',
  ])('%s is not public', (ip) => {
    expect(isPublicAddress(ip)).toBe(false)
  })
})

describe('checkUrlShape', () => {
  it.each([
    { url: 'http://example.com/', host: 'example.com' },
    { url: 'https://example.com:443/a?b#c', host: 'example.com' },
    { url: 'http://example.com:80/', host: 'example.com' },
    // The host is not judged here: that takes fetchPublic's address rules.
    { url: 'http://127.0.0.1/', host: '127.0.0.1' },
  ])('accepts $url', ({ url, host }) => {
    const shape = checkUrlShape(url)
    expect(shape.ok && shape.url.hostname).toBe(host)
  })

  it.each([
    { url: 'not a url', reason: 'invalid URL' },
    { url: 'ftp://example.com/', reason: 'scheme ftp: is not allowed (only http: and https:)' },
    { url: 'http://example.com:8080/', reason: 'port 8080 is not allowed (only 80 and 443)' },
    { url: 'https://example.com:80/', reason: undefined },
    { url: 'http://example.com:443/', reason: undefined },
    { url: 'http://a:b@example.com/', reason: 'URLs with a username or password are not allowed' },
  ])('$url → $reason', ({ url, reason }) => {
    const shape = checkUrlShape(url)
    if (reason === undefined) expect(shape.ok).toBe(true)
    else expect(shape).toEqual({ ok: false, reason })
  })
})
