import cluster, { type Worker } from 'node:cluster'
import { announce, log } from '../app/infra/logger.server'

/**
 * One worker process per core (WEB_CONCURRENCY, default the number of cores; 1 runs the server in
 * this process as before). Workers share nothing but the database: each has its own page and
 * render caches and its own change feed. The primary starts the first worker alone — it migrates
 * and seeds an empty database, and it alone runs the background jobs (link checker, sweeper)
 * unless the instance leaves them to another (SOURCED_BACKGROUND_JOBS=off) —
 * then the others; it says "listening" once every worker is, restarts a worker that dies (only
 * the first worker's failure to start stops the app), and stops them all when it is stopped.
 */

interface ListeningMessage {
  sourced: 'listening'
  port: number
}

export function workerListening(port: number): void {
  process.send?.({ sourced: 'listening', port } satisfies ListeningMessage)
}

export function runPrimary(count: number, origin: string, backgroundJobs: boolean): void {
  let stopping = false
  let started = false
  const jobsEnv = (jobs: boolean) => ({ SOURCED_BACKGROUND_JOBS: jobs ? 'on' : 'off' })
  const roles = new Map<Worker, boolean>()

  /** Starts a worker, and another in its place whenever it dies; resolves once one listens. */
  const fork = (jobs: boolean): Promise<number> =>
    new Promise((resolve) => {
      const start = () => {
        const worker = cluster.fork(jobsEnv(jobs))
        roles.set(worker, jobs)
        worker.on('message', (message: ListeningMessage) => {
          if (message?.sourced === 'listening') resolve(message.port)
        })
        worker.on('exit', (code, signal) => {
          roles.delete(worker)
          if (stopping) return
          if (!started) {
            // The first worker cannot start (a bad DATABASE_URL, a failed migration): it has said
            // why, in one line; the primary adds none.
            stopAll(1)
            return
          }
          log('error', 'worker exited; starting another in a second', { pid: worker.process.pid, code, signal, backgroundJobs: jobs })
          setTimeout(start, 1000)
        })
      }
      start()
    })

  const stopAll = (code: number) => {
    stopping = true
    const workers = [...roles.keys()]
    if (workers.length === 0) process.exit(code)
    let left = workers.length
    for (const worker of workers) {
      worker.once('exit', () => {
        if (--left === 0) process.exit(code)
      })
      worker.process.kill('SIGTERM')
    }
    setTimeout(() => {
      for (const worker of roles.keys()) worker.process.kill('SIGKILL')
      process.exit(code)
    }, 12_000).unref()
  }
  process.on('SIGTERM', () => stopAll(0))
  process.on('SIGINT', () => stopAll(0))

  void (async () => {
    // An instance told to leave the jobs to another (SOURCED_BACKGROUND_JOBS=off) runs them in none of its workers.
    const port = await fork(backgroundJobs)
    // The first worker has migrated and seeded: from here a worker that dies, even one still
    // starting (the database went away meanwhile), is replaced rather than taking the app down.
    started = true
    await Promise.all(Array.from({ length: count - 1 }, () => fork(false)))
    announce('listening', { port, origin, workers: count })
  })()
}
