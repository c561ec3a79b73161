import { spawn } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listLinkChecks } from '#app/models/link-checks.server'
import { getSource } from '#app/models/sources.server'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { createCitingPage } from '#test/fixtures/citing-page'
import { doc, figure, p } from '#test/fixtures/docs'

/** Runs `npm run check-links` as npm does (tsx on the script), with the given environment. */
function checkLinks(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/check-links.ts'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

let server: http.Server
let port: number
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/report') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<html><body><p>Tchap compte <em>plus de 220&nbsp;000 inscrits</em>.</p></body></html>')
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe.each(TEST_ENGINES)('npm run check-links on $engine', (engine) => {
  const t = withTestDatabase(engine)

  it('checks the due sources through the test allowlist, records them and prints a summary', async () => {
    const author = await createUser(t.db)
    const ok = await createSource(t.db, { url: `http://127.0.0.1:${port}/report` })
    const gone = await createSource(t.db, { url: `http://127.0.0.1:${port}/gone` })
    await createCitingPage(t.db, {
      authorId: author.id,
      stable: doc(p(figure('220,000', { sourceId: ok.id, quote: 'plus de 220 000 inscrits', asOf: '2021' }), figure('5,000', { sourceId: ok.id, quote: '5 000 salons', asOf: '2021' }))),
    })
    const run = await checkLinks({ DATABASE_URL: t.url, NODE_ENV: 'test', LINK_CHECK_TEST_ALLOWLIST: `127.0.0.1:${port}` })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n').map((line) => line.trim().replace(/\s+/g, ' '))
    expect(lines).toContain(`ok HTTP 200 http://127.0.0.1:${port}/report (1 quote not found)`)
    expect(lines).toContain(`dead HTTP 404 http://127.0.0.1:${port}/gone`)
    expect(run.stdout.trim().split('\n').at(-1)).toBe('Checked 2 sources (1 dead, 1 ok); 1 quote not found; 0 retries scheduled; 0 failed.')
    expect((await listLinkChecks(t.db, ok.id, { limit: 5 }))[0]?.quoteResults).toEqual([
      { quote: 'plus de 220 000 inscrits', found: true },
      { quote: '5 000 salons', found: false },
    ])
    expect(await getSource(t.db, gone.id)).toMatchObject({ linkStatus: 'dead', linkHttpStatus: 404 })

    // Nothing is due right after: a second run checks nothing.
    const again = await checkLinks({ DATABASE_URL: t.url, NODE_ENV: 'test', LINK_CHECK_TEST_ALLOWLIST: `127.0.0.1:${port}` })
    expect(again.stdout.trim()).toBe('Checked 0 sources; 0 quotes not found; 0 retries scheduled; 0 failed.')
  })

  it('ignores the test allowlist outside NODE_ENV=test: local addresses stay blocked', async () => {
    const local = await createSource(t.db, { url: `http://127.0.0.1:${port}/report?production` })
    const run = await checkLinks({ DATABASE_URL: t.url, NODE_ENV: 'production', LINK_CHECK_TEST_ALLOWLIST: `127.0.0.1:${port}` })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('LINK_CHECK_TEST_ALLOWLIST is ignored outside NODE_ENV=test')
    expect(await getSource(t.db, local.id)).toMatchObject({ linkStatus: 'blocked' })
  })
})
