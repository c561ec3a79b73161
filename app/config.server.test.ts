import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.server'

describe('the environment schema', () => {
  it('gives every setting its documented default', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', origin: 'http://localhost:3000', logLevel: 'info', databasePoolSize: 10, pageCacheEntries: 500, trustProxy: false, demoContent: true })
    expect(config.allowedOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'])
    expect(config.limits.loginAccountIp).toEqual({ max: 10, windowSeconds: 900 })
    expect(config.env.LINK_CHECKER).toBe(true)
  })

  it('reads ORIGIN once, as its origin, and then accepts only it', () => {
    const config = loadConfig({ ORIGIN: 'https://sourced.example/some/path', PORT: '8080', RATE_SAVE_USER: ' 5/60 ', LINK_CHECKER: 'off' })
    expect(config).toMatchObject({ origin: 'https://sourced.example', allowedOrigins: ['https://sourced.example'], port: 8080, limits: { saveUser: { max: 5, windowSeconds: 60 } } })
    expect(config.env.LINK_CHECKER).toBe(false)
  })

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_POOL_SIZE: '' })).toMatchObject({ port: 3000, databasePoolSize: 10 })
  })

  it('refuses bad values with one line per variable, naming it and the value', () => {
    let error: unknown
    try {
      loadConfig({ PORT: '70000', DATABASE_POOL_SIZE: 'many', LOG_LEVEL: 'loud', ORIGIN: 'ftp://x', RATE_LOGIN_IP: '10/0', LINK_CHECK_BATCH: '-1' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a number between 0 and 65535, not "70000"',
      'ORIGIN must start with http:// or https://, not "ftp://x"',
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not "loud"',
      'DATABASE_POOL_SIZE must be a whole number above 0, not "many"',
      'RATE_LOGIN_IP must look like MAX/SECONDS (e.g. 10/900), not "10/0"',
      'LINK_CHECK_BATCH must be a positive number, not "-1"',
    ])
  })
})
