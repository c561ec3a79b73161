import { spawn } from 'node:child_process'

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

interface CliOptions {
  env?: NodeJS.ProcessEnv
  /** Written to standard input, which is then closed. */
  input?: string
  timeoutMs?: number
}

/**
 * Runs a command the way a person at a terminal would, without blocking the test's event loop:
 * spawnSync froze it for seconds, so the health probe of the test's own PostgreSQL pool timed
 * out on wake-up and marked a healthy database down for the next query.
 */
export function runCli(command: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('error', (error) => (clearTimeout(timer), reject(error)))
    child.on('close', (status) => (clearTimeout(timer), resolve({ status, stdout, stderr })))
    child.stdin.end(options.input ?? '')
  })
}

/** `npm run <script> -- <args>` against the database at `databaseUrl`, logging silenced. */
export function runNpmScript(script: string, args: readonly string[], databaseUrl: string, input?: string): Promise<CliResult> {
  return runCli('npm', ['run', '--silent', script, '--', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }, ...(input === undefined ? {} : { input }) })
}
