import fs from 'node:fs'
import os from 'node:os'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.server'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('the configuration', () => {
  it('has the defaults the README lists when nothing is set', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      origins: { origin: 'http://localhost:3000', allowed: ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'] },
      databaseUrl: { engine: 'sqlite', file: './data/sourced.sqlite' },
      demoContent: true,
      trustProxy: false,
      workers: os.availableParallelism(),
      backgroundJobs: true,
      buildDir: 'build',
      logLevel: 'info',
      database: {
        poolSize: 10,
        writePoolSize: 3,
        readPoolSize: 7,
        connectTimeoutMs: 3000,
        statementTimeoutMs: 5000,
        queryTimeoutMs: 6000,
        idleInTransactionTimeoutMs: 10_000,
        healthTimeoutMs: 1500,
        healthIntervalMs: 2000,
        busyTimeoutMs: 5000,
      },
      sessionIdleDays: 14,
      sessionAbsoluteDays: 30,
      trustAfterApproved: 10,
      trustAfterDays: 4,
      limits: {
        loginAccountIp: { max: 10, windowSeconds: 900 },
        loginAccount: { max: 100, windowSeconds: 3600 },
        loginIp: { max: 100, windowSeconds: 900 },
        signupIp: { max: 5, windowSeconds: 3600 },
        saveUser: { max: 120, windowSeconds: 3600 },
        reportUser: { max: 20, windowSeconds: 3600 },
        reportIp: { max: 10, windowSeconds: 3600 },
        passwordResetIp: { max: 10, windowSeconds: 3600 },
        passwordResetAccount: { max: 3, windowSeconds: 3600 },
      },
      reportsToDispute: 3,
      figureMaxAgeMonths: 18,
      renderCache: { bytes: 33_554_432, entries: Infinity },
      pageCache: { bytes: 67_108_864, entries: 10_000 },
      linkChecker: {
        enabled: true,
        intervalMinutes: 10,
        intervalHours: 168,
        brokenIntervalHours: 24,
        maxAttempts: 3,
        batchSize: 50,
        concurrency: 4,
        connectTimeoutMs: 5000,
        totalTimeoutMs: 20_000,
        offlineMinHosts: 3,
        testAllowlist: undefined,
      },
      mail: { smtpUrl: null, from: 'Sourced <no-reply@localhost>', pollSeconds: 30, retrySeconds: 60 },
    })
  })

  it('reads each variable as documented', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      ORIGIN: 'https://sourced.example/ignored-path',
      DATABASE_URL: 'postgres://app@db.internal:5432/sourced',
      DATABASE_POOL_SIZE: '20',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      DEMO_CONTENT: 'false',
      TRUST_PROXY: 'true',
      WEB_CONCURRENCY: '1',
      LOG_LEVEL: 'warn',
      RATE_SAVE_USER: ' 5/60 ',
      LINK_CHECKER: 'off',
      LINK_CHECK_MAX_ATTEMPTS: '2.7',
      LINK_CHECK_TEST_ALLOWLIST: '127.0.0.1:4000, [::1]:4001',
      SMTP_URL: ' smtps://u:p@mail.example:465 ',
      MAIL_FROM: '  ',
      RENDER_CACHE_ENTRIES: '100',
      PAGE_CACHE_ENTRIES: '0',
    })
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      origins: { origin: 'https://sourced.example', allowed: ['https://sourced.example'] },
      databaseUrl: { engine: 'postgres', url: 'postgres://app@db.internal:5432/sourced' },
      database: { poolSize: 20, writePoolSize: 6, readPoolSize: 14, statementTimeoutMs: 2000, queryTimeoutMs: 3000 },
      demoContent: false,
      trustProxy: true,
      workers: 1,
      logLevel: 'warn',
      limits: { saveUser: { max: 5, windowSeconds: 60 } },
      linkChecker: { enabled: false, maxAttempts: 2, testAllowlist: ['127.0.0.1:4000', '[::1]:4001'] },
      mail: { smtpUrl: 'smtps://u:p@mail.example:465', from: 'Sourced <no-reply@localhost>' },
      renderCache: { entries: 100 },
      pageCache: { entries: 0 },
    })
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_POOL_SIZE: '', RATE_SAVE_USER: '', LOG_LEVEL: '' })).toMatchObject({ port: 3000, database: { poolSize: 10 }, limits: { saveUser: { max: 120 } }, logLevel: 'info' })
  })

  it.each([
    [{ PORT: '70000' }, 'PORT must be a number between 0 and 65535, not "70000"'],
    [{ ORIGIN: 'sourced.example' }, 'ORIGIN is not a valid URL: expected something like https://sourced.example'],
    [{ ORIGIN: 'ftp://sourced.example' }, 'ORIGIN must start with http:// or https://'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL uses the unsupported scheme "mysql://": use a SQLite file path, ":memory:" or postgres://user@host:5432/database'],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432' }, 'DATABASE_URL names no database: expected postgres://user@host:5432/database'],
    [{ DATABASE_POOL_SIZE: '1' }, 'DATABASE_POOL_SIZE must be a whole number from 2 to 1000, not "1"'],
    [{ DATABASE_POOL_SIZE: 'ten' }, 'DATABASE_POOL_SIZE must be a non-negative number, not "ten"'],
    [{ DATABASE_POOL_SIZE: '4', DATABASE_WRITE_POOL_SIZE: '4' }, 'DATABASE_WRITE_POOL_SIZE (4) must be less than DATABASE_POOL_SIZE (4): the rest serves reads'],
    [{ DEMO_CONTENT: 'no' }, 'DEMO_CONTENT must be "true" or "false", not "no"'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be "true" or "false", not "yes"'],
    [{ LINK_CHECKER: 'false' }, 'LINK_CHECKER must be "on" or "off", not "false"'],
    [{ WEB_CONCURRENCY: '0' }, 'WEB_CONCURRENCY must be a whole number of worker processes from 1 to 256, not "0"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not "verbose"'],
    [{ SESSION_IDLE_DAYS: '0' }, 'SESSION_IDLE_DAYS must be more than 0, not "0"'],
    [{ TRUST_AFTER_DAYS: '-1' }, 'TRUST_AFTER_DAYS must be a non-negative number, not "-1"'],
    [{ RATE_LOGIN_IP: '10 per hour' }, 'RATE_LOGIN_IP must look like MAX/SECONDS (e.g. 10/900), not "10 per hour"'],
    [{ RATE_SIGNUP_IP: '5/0' }, 'RATE_SIGNUP_IP must look like MAX/SECONDS (e.g. 10/900), not "5/0"'],
    [{ PAGE_CACHE_BYTES: '64MB' }, 'PAGE_CACHE_BYTES must be a whole number of bytes (0 or more), not "64MB"'],
    [{ RENDER_CACHE_ENTRIES: '-5' }, 'RENDER_CACHE_ENTRIES must be a whole number of entries (0 or more), not "-5"'],
    [{ LINK_CHECK_INTERVAL_HOURS: 'weekly' }, 'LINK_CHECK_INTERVAL_HOURS must be a positive number, not "weekly"'],
    [{ SMTP_URL: 'mail.example' }, 'SMTP_URL is not a valid URL: expected smtp://user:password@host:587 or smtps://…'],
    [{ SMTP_URL: 'https://mail.example' }, 'SMTP_URL must start with smtp:// or smtps://'],
    [{ MAIL_POLL_SECONDS: '0' }, 'MAIL_POLL_SECONDS must be more than 0, not "0"'],
  ])('%j is refused: %s', (env, message) => {
    expect(problemsOf(env)).toEqual([message])
  })

  it('names every bad variable at once, one line each', () => {
    const problems = problemsOf({ PORT: 'x', RATE_SAVE_USER: 'lots', LOG_LEVEL: 'loud' })
    expect(problems).toHaveLength(3)
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'RATE_SAVE_USER'])
  })

  it('declares every variable the README documents, and the README every variable it declares', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Working together'))
    const documented = new Set([...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!))
    const source = fs.readFileSync(new URL('./config.server.ts', import.meta.url), 'utf8')
    const declared = new Set([...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!))
    // Set by the server for its own processes, or by tests and builds: not an operator's setting.
    const internal = ['NODE_ENV', 'SOURCED_BACKGROUND_JOBS', 'BUILD_DIR', 'LINK_CHECK_TEST_ALLOWLIST']
    expect([...documented].filter((name) => !declared.has(name))).toEqual([])
    expect([...declared].filter((name) => !documented.has(name) && !internal.includes(name))).toEqual([])
  })
})
