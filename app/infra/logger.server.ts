import pino, { type Logger } from 'pino'
import { getConfig } from '#app/infra/config.server'

/**
 * The one logger of the server and the app: pino, JSON lines ({"level":"info","time":ISO,…,"msg"}),
 * info and below on standard output, warn and above on standard error, LOG_LEVEL for every line.
 * Fields never include passwords, tokens or session ids (callers pass what is safe).
 */
type Level = 'debug' | 'info' | 'warn' | 'error'

let instance: Logger | undefined

/** Created on first use, from the configuration the server has already validated at boot. */
function logger(): Logger {
  return (instance ??= pino(
    {
      level: getConfig().logLevel,
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
  ))
}

/** Whether LOG_LEVEL lets lines of this level through: a caller on a hot path skips building fields it would drop. */
export function logs(level: Level): boolean {
  return logger().isLevelEnabled(level)
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  logger()[level](fields, msg)
}

/**
 * The one line written whatever LOG_LEVEL says: the server's "listening", which supervisors and
 * the test harness wait for (it was always written, before pino too).
 */
export function announce(msg: string, fields: Record<string, unknown>): void {
  logger().child({}, { level: 'info' }).info(fields, msg)
}
