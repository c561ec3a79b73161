/**
 * JSON log lines on standard output, one object per line, so a log collector can index them.
 * Fields never include passwords, tokens or session ids (callers pass what is safe).
 */
type Level = 'debug' | 'info' | 'warn' | 'error'
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }
const threshold = LEVELS[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? LEVELS.info

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < threshold || process.env.LOG_LEVEL === 'silent') return
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, errorReplacer)
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack }
  return value
}
