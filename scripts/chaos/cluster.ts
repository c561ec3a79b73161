import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A throwaway PostgreSQL cluster of our own (initdb in /tmp, a spare port, run as the `postgres`
 * OS user when we are root), so the chaos runs can stop, kill and freeze it. Never the shared one.
 */
export interface Cluster {
  port: number
  url: string
  dataDir: string
  /** pg_ctl stop -m fast: sessions are terminated (57P01), as in a restart. */
  stop(): void
  start(): void
  /** SIGKILL to the postmaster and every backend: a crash, no goodbye to the clients. */
  kill(): void
  /** SIGSTOP to the postmaster and every backend: it accepts TCP but never answers. */
  freeze(): void
  thaw(): void
  destroy(): void
}

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/14/bin']

/** The directory holding initdb and pg_ctl, or null when PostgreSQL's server binaries are missing. */
export function postgresBinDir(): string | null {
  return BIN_DIRS.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) ?? null
}

/** Why a private cluster cannot be started here, or null when it can. */
export function clusterUnavailableReason(): string | null {
  if (postgresBinDir() === null) return `no initdb/pg_ctl in ${BIN_DIRS.join(', ')}`
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) return 'running as root but there is no postgres OS user to run the cluster as'
  return null
}

function asPostgres(command: string, args: string[], options: { timeout?: number } = {}): void {
  const root = process.getuid?.() === 0
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  execFileSync(file, argv, { stdio: 'pipe', timeout: options.timeout ?? 60_000 })
}

function childrenOf(pid: number): number[] {
  const found: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Field 4 is the parent pid; the command name (field 2) may hold spaces, so split after ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) found.push(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

export function startCluster(port: number): Cluster {
  const bin = postgresBinDir()
  if (bin === null) throw new Error(clusterUnavailableReason() ?? 'no PostgreSQL')
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-chaos-pg-'))
  const dataDir = path.join(base, 'data')
  fs.mkdirSync(dataDir)
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', base])
  fs.chmodSync(base, 0o755)
  asPostgres(path.join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dataDir} -c fsync=off -c max_connections=100`
  const pgCtl = (...args: string[]) => asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args])
  const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  const signalAll = (signal: NodeJS.Signals) => {
    const pid = postmasterPid()
    for (const target of [pid, ...childrenOf(pid)]) {
      try {
        process.kill(target, signal)
      } catch {
        // Already gone.
      }
    }
  }
  const start = () => pgCtl('-o', options, '-l', path.join(base, 'log'), '-w', '-t', '30', 'start')
  start()
  asPostgres(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'sourced'])
  let frozen = false
  return {
    port,
    dataDir,
    url: `postgres://postgres@127.0.0.1:${port}/sourced`,
    stop: () => pgCtl('-m', 'fast', '-w', '-t', '30', 'stop'),
    start,
    kill: () => {
      signalAll('SIGKILL')
      // The postmaster.pid left behind is stale; pg_ctl start sees that and starts anyway.
    },
    freeze: () => {
      signalAll('SIGSTOP')
      frozen = true
    },
    thaw: () => {
      signalAll('SIGCONT')
      frozen = false
    },
    destroy: () => {
      try {
        if (frozen) signalAll('SIGCONT')
        pgCtl('-m', 'immediate', '-w', '-t', '30', 'stop')
      } catch {
        // Not running.
      }
      fs.rmSync(base, { recursive: true, force: true })
    },
  }
}
