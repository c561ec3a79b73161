import { z } from 'zod'
import { DEFAULT_MAX_FIGURE_AGE_MONTHS } from '#app/core/evidence'
import type { Limit } from '#app/models/rate-limits.server'

/**
 * The whole environment, in one schema, parsed once when this module loads (at boot: the server
 * loads the app build before it listens). Every bad variable gets its own line in the error, so
 * an operator fixes them all in one go. Nothing else reads process.env (lint-enforced); the
 * README documents each variable. An empty value counts as unset, as it always has.
 */

const unset = (value: unknown) => (value === '' ? undefined : value)

/** "MAX/SECONDS", e.g. "10/900": at most 10 in 15 minutes. */
const limit = (fallback: Limit) =>
  z.preprocess(
    unset,
    z
      .string()
      .trim()
      .regex(/^\d+\/[1-9]\d*$/, 'must look like MAX/SECONDS (e.g. 10/900)')
      .transform((raw): Limit => {
        const [max, seconds] = raw.split('/')
        return { max: Number(max), windowSeconds: Number(seconds) }
      })
      .optional(),
  ).transform((value) => value ?? fallback)

const numberFrom = (message: string, ok: (n: number) => boolean) =>
  z
    .string()
    .trim()
    .transform((raw) => Number(raw))
    .refine((n) => Number.isFinite(n) && ok(n), message)

/** A number ≥ 0 (trust thresholds, cache sizes: 0 turns a cache off). */
const nonNegative = (fallback: number) =>
  z.preprocess(unset, numberFrom('must be a non-negative number', (n) => n >= 0).optional()).transform((v) => v ?? fallback)

/** A number > 0 (lifetimes, intervals, timeouts). */
const positive = (fallback: number) =>
  z.preprocess(unset, numberFrom('must be a positive number', (n) => n > 0).optional()).transform((v) => v ?? fallback)

const positiveInteger = (fallback: number) =>
  z.preprocess(unset, numberFrom('must be a whole number above 0', (n) => Number.isInteger(n) && n > 0).optional()).transform((v) => v ?? fallback)

const optionalText = z.preprocess(unset, z.string().optional())

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const

const envSchema = z.object({
  NODE_ENV: optionalText,
  PORT: z
    .preprocess(unset, numberFrom('must be a number between 0 and 65535', (n) => Number.isInteger(n) && n >= 0 && n <= 65535).optional())
    .transform((v) => v ?? 3000),
  HOST: optionalText.transform((v) => v ?? '0.0.0.0'),
  ORIGIN: z.preprocess(
    unset,
    z
      .string()
      .refine((raw) => URL.canParse(raw), 'is not a valid URL: expected something like https://sourced.example')
      .refine((raw) => !URL.canParse(raw) || ['http:', 'https:'].includes(new URL(raw).protocol), 'must start with http:// or https://')
      .transform((raw) => new URL(raw).origin)
      .optional(),
  ),
  TRUST_PROXY: optionalText.transform((v) => v === 'true'),
  BUILD_DIR: optionalText.transform((v) => v ?? 'build'),
  LOG_LEVEL: z.preprocess(unset, z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional()).transform((v) => v ?? 'info'),
  DATABASE_URL: optionalText,
  DATABASE_POOL_SIZE: positiveInteger(10),
  PAGE_CACHE_ENTRIES: nonNegative(500),
  RENDER_CACHE_ENTRIES: nonNegative(1000),
  DEMO_CONTENT: optionalText.transform((v) => v !== 'false'),
  RATE_LOGIN_ACCOUNT_IP: limit({ max: 10, windowSeconds: 900 }),
  RATE_LOGIN_ACCOUNT: limit({ max: 100, windowSeconds: 3600 }),
  RATE_LOGIN_IP: limit({ max: 100, windowSeconds: 900 }),
  RATE_SIGNUP_IP: limit({ max: 5, windowSeconds: 3600 }),
  RATE_SAVE_USER: limit({ max: 120, windowSeconds: 3600 }),
  RATE_REPORT_USER: limit({ max: 20, windowSeconds: 3600 }),
  RATE_REPORT_IP: limit({ max: 10, windowSeconds: 3600 }),
  TRUST_AFTER_APPROVED: nonNegative(10),
  TRUST_AFTER_DAYS: nonNegative(4),
  SESSION_IDLE_DAYS: positive(14),
  SESSION_ABSOLUTE_DAYS: positive(30),
  FIGURE_MAX_AGE_MONTHS: positive(DEFAULT_MAX_FIGURE_AGE_MONTHS),
  LINK_CHECKER: optionalText.transform((v) => v !== 'off'),
  LINK_CHECK_INTERVAL_HOURS: positive(168),
  LINK_CHECK_BROKEN_INTERVAL_HOURS: positive(24),
  LINK_CHECK_MAX_ATTEMPTS: positive(3),
  LINK_CHECK_BATCH: positive(50),
  LINK_CHECK_CONCURRENCY: positive(4),
  LINK_CHECK_INTERVAL_MINUTES: positive(10),
  LINK_CHECK_CONNECT_TIMEOUT_MS: positive(5_000),
  LINK_CHECK_TIMEOUT_MS: positive(20_000),
  LINK_CHECK_TEST_ALLOWLIST: optionalText,
})

export type Env = z.infer<typeof envSchema>

/** Start-up stops with this: one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'ConfigError'
  }
}

export function parseEnv(env: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(env)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment')
    return `${name} ${issue.message}, not "${env[name] ?? ''}"`
  })
  throw new ConfigError([...new Set(problems)])
}

/** Settings derived from an environment; tests build their own with loadConfig({...}). */
export function loadConfig(source: Record<string, string | undefined>) {
  const env = parseEnv(source)
  // Without ORIGIN the loopback spellings of the default are accepted too, so the quick start
  // works at http://127.0.0.1:3000 as well as at http://localhost:3000.
  const origin = env.ORIGIN ?? `http://localhost:${env.PORT}`
  const allowedOrigins = env.ORIGIN ? [origin] : [origin, `http://127.0.0.1:${env.PORT}`, `http://[::1]:${env.PORT}`]
  return {
    env,
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    /** The public origin (ORIGIN, default http://localhost:$PORT) and the origins a browser may post from. */
    origin,
    allowedOrigins,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    pageCacheEntries: env.PAGE_CACHE_ENTRIES,
    renderCacheEntries: env.RENDER_CACHE_ENTRIES,
    demoContent: env.DEMO_CONTENT,
    limits: {
      /** Failed logins per account and address (ASVS 2.2.1): 10 in 15 minutes. */
      loginAccountIp: env.RATE_LOGIN_ACCOUNT_IP,
      /** Failed logins per account from anywhere: 100 an hour, against distributed guessing. */
      loginAccount: env.RATE_LOGIN_ACCOUNT,
      /**
       * Failed logins per address across all accounts: one client trying many names (credential
       * stuffing) is slowed, and each attempt costs an argon2 hash. High, for offices behind one NAT.
       */
      loginIp: env.RATE_LOGIN_IP,
      signupIp: env.RATE_SIGNUP_IP,
      saveUser: env.RATE_SAVE_USER,
      reportUser: env.RATE_REPORT_USER,
      /** Anonymous readers may report too; they are counted per address. */
      reportIp: env.RATE_REPORT_IP,
    },
    /** Editors become trusted after this many approved revisions and days (MediaWiki: 10 and 4). */
    trustAfterApproved: env.TRUST_AFTER_APPROVED,
    trustAfterDays: env.TRUST_AFTER_DAYS,
    /** Sessions end after this many idle days, and this many days after sign-in at the latest. */
    sessionIdleDays: env.SESSION_IDLE_DAYS,
    sessionAbsoluteDays: env.SESSION_ABSOLUTE_DAYS,
    /** Figures whose as-of date is older than this many months carry a "may be outdated" badge. */
    figureMaxAgeMonths: env.FIGURE_MAX_AGE_MONTHS,
  }
}

export type Config = ReturnType<typeof loadConfig>

// The one read of the process environment.
// eslint-disable-next-line no-restricted-properties
export const config: Config = loadConfig(process.env)
