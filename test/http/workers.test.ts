import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { startServer } from '#test/server'

// WEB_CONCURRENCY workers behind one primary (server/cluster.ts).
describe('the server with two workers', () => {
  const { t, server } = withTestApp({ engine: 'sqlite' }, { env: { WEB_CONCURRENCY: '2' } })

  const workers = (primary = server.pid) =>
    fs
      .readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(primary)
        } catch {
          return false // exited while listed
        }
      })
  const environment = (pid: string) => fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')

  it('says "listening" once, when all workers listen, and only one runs the background jobs', async () => {
    expect(server.stdout().match(/"msg":"listening"/g)).toHaveLength(1)
    expect(server.stdout()).toContain('"workers":2')
    const pids = workers()
    expect(pids).toHaveLength(2)
    expect(pids.map((pid) => environment(pid).includes('SOURCED_BACKGROUND_JOBS=on'))).toEqual(expect.arrayContaining([true, false]))
    expect((await fetch(`${server.url}/pages`)).status).toBe(200)
  })

  it('runs the background jobs in none of its workers when the instance leaves them to another', async () => {
    const second = await startServer({ databaseUrl: t.url, env: { WEB_CONCURRENCY: '2', SOURCED_BACKGROUND_JOBS: 'off' } })
    try {
      const pids = workers(second.pid)
      expect(pids).toHaveLength(2)
      expect(pids.map((pid) => environment(pid).includes('SOURCED_BACKGROUND_JOBS=off'))).toEqual([true, true])
    } finally {
      await second.stop()
    }
  })

  it('refuses a WEB_CONCURRENCY that is not a number of processes', async () => {
    await expect(startServer({ databaseUrl: t.url, env: { WEB_CONCURRENCY: 'many' } })).rejects.toThrow(/WEB_CONCURRENCY must be a whole number of worker processes from 1 to 256, not "many"/)
  })

  it('stops its workers when it is stopped', async () => {
    const pids = workers()
    expect(pids).toHaveLength(2)
    await server.stop()
    const alive = () => pids.filter((pid) => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '))
    while (alive().length > 0) await new Promise((r) => setTimeout(r, 50))
    expect(alive()).toEqual([])
  })
})
