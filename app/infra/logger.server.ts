import { pino, type Logger } from 'pino'
import { config } from '#app/config.server'

/**
 * The one logger, for the HTTP server (request lines) and the app: JSON lines, one object per
 * line, so a log collector can index them; LOG_LEVEL applies to every line. Warnings and errors
 * go to standard error, the rest to standard output. Fields never include passwords, tokens or
 * session ids (callers pass what is safe).
 */
export const logger: Logger = pino(
  {
    level: config.logLevel,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { error: pino.stdSerializers.err },
  },
  pino.multistream(
    [
      { level: 'trace', stream: process.stdout },
      { level: 'warn', stream: process.stderr },
    ],
    { dedupe: true },
  ),
)

type Level = 'debug' | 'info' | 'warn' | 'error'

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  logger[level](fields, msg)
}
