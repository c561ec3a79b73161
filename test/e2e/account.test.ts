import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { createUser, TEST_PASSWORD } from '#test/factories'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

describe('accounts in Chromium', () => {
  const { t, server } = withTestApp({ engine: 'sqlite' }, { env: { DEMO_CONTENT: 'false' } })
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  const headerName = (page: Page) => page.locator('.site-header .user-link')
  // Chromium reports every 4xx answer to a fetch as a console error; a form answering 401 or 422
  // to a mistake is the app working, not failing.
  const unexpected = (errors: string[]) => errors.filter((e) => !/^Failed to load resource: the server responded with a status of (400|401|422) /.test(e))

  async function logOut(page: Page) {
    // The account links sit behind the user menu in the header.
    await page.locator('.site-header .user-menu > summary').click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await expect.poll(() => page.getByRole('link', { name: 'Log in' }).isVisible()).toBe(true)
    expect(await headerName(page).count()).toBe(0)
  }

  it('signs up, logs out, logs in and out again; the forms are axe-clean', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)

    await page.goto(server.url + '/signup')
    await expectNoAxeViolations(page)
    await page.getByLabel('Username').fill('browser-alice')
    await page.getByLabel('Password').fill('password')
    await page.getByRole('button', { name: 'Create account' }).click()
    // A common password is refused with a message tied to the field, and the name is kept.
    await expect.poll(() => page.locator('#password-error').textContent()).toContain('commonly used passwords')
    expect(await page.getByLabel('Username').inputValue()).toBe('browser-alice')
    await expectNoAxeViolations(page)
    await page.getByLabel('Password').fill('a long and unusual passphrase')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect.poll(() => headerName(page).textContent()).toBe('browser-alice')
    await logOut(page)

    await page.goto(server.url + '/login')
    await expectNoAxeViolations(page)
    await page.getByLabel('Username').fill('browser-alice')
    await page.getByLabel('Password').fill('not the passphrase')
    await page.getByRole('button', { name: 'Log in' }).last().click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong username or password.')
    await expectNoAxeViolations(page)
    await page.getByLabel('Password').fill('a long and unusual passphrase')
    await page.getByRole('button', { name: 'Log in' }).last().click()
    await expect.poll(() => headerName(page).textContent()).toBe('browser-alice')
    await logOut(page)
    expect(unexpected(errors)).toEqual([])
    await context.close()
  }, 120_000)

  it('manages sessions, a token and the password on /account, axe-clean in each state', async () => {
    const user = await createUser(t.db, { username: 'browser-bob' })
    const other = await browser.newContext()
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors = watchErrors(page)
    for (const ctx of [other, context]) {
      const p = await ctx.newPage()
      await p.goto(server.url + '/login?redirectTo=%2Faccount')
      await p.getByLabel('Username').fill(user.username)
      await p.getByLabel('Password').fill(TEST_PASSWORD)
      await p.getByRole('button', { name: 'Log in' }).last().click()
      await p.waitForURL(`${server.url}/account`)
      if (ctx === other) await p.close()
    }
    await page.goto(server.url + '/account')
    await expectNoAxeViolations(page)
    const sessions = page.locator('section[aria-labelledby="sessions-title"] tbody tr')
    expect(await sessions.count()).toBe(2)
    expect(await sessions.filter({ hasText: 'This browser' }).count()).toBe(1)

    await page.getByLabel('Token name').fill('nightly import')
    await page.getByRole('button', { name: 'Create token' }).click()
    const tokenField = page.getByLabel(/New token/)
    await expect.poll(() => tokenField.inputValue()).toMatch(/^src_/)
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Revoke the token “nightly import”' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('The token was revoked.')

    await page.getByLabel('Current password').fill(TEST_PASSWORD)
    await page.getByLabel('New password', { exact: true }).fill('an even better passphrase')
    await page.getByLabel('New password again').fill('an even better passphrase')
    await page.getByRole('button', { name: 'Change password' }).click()
    await expect.poll(() => page.locator('section[aria-labelledby="password-title"] [role="status"]').textContent()).toBe('Password changed. Your one other session was signed out.')
    await expect.poll(() => sessions.count()).toBe(1)
    await expectNoAxeViolations(page)

    // The other browser is signed out.
    const otherPage = await other.newPage()
    await otherPage.goto(server.url + '/account')
    await otherPage.waitForURL('**/login?redirectTo=%2Faccount')
    expect(unexpected(errors)).toEqual([])
    await other.close()
    await context.close()
  }, 120_000)

  it('shows the sign-up, login, account and admin pages in German and French, axe-clean', async () => {
    const admin = await createUser(t.db, { role: 'admin', username: 'browser-admin' })
    await createUser(t.db, { username: 'browser-carol' })
    const pages = [
      ['de', 'Dein Konto', 'Benutzer', 'Konto anlegen', 'Anmelden', 'falsch'],
      ['fr', 'Votre compte', 'Utilisateurs', 'Créer un compte', 'Se connecter', 'incorrect'],
    ] as const
    for (const [lang, title, users, signupTitle, loginTitle, wrongWord] of pages) {
      const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'accept-language': lang } })
      const page = await context.newPage()
      const errors = watchErrors(page)
      await page.goto(server.url + '/signup')
      expect(await page.locator('h1').textContent()).toBe(signupTitle)
      expect(await page.locator('html').getAttribute('lang')).toBe(lang)
      await expectNoAxeViolations(page)
      // A refused sign-up (a common password) in this language, still axe-clean.
      await page.locator('input[name="username"]').fill(`browser-${lang}`)
      await page.locator('input[name="password"]').fill('password')
      await page.locator('form.stack button[type="submit"]').click()
      await expect.poll(() => page.locator('#password-error').isVisible()).toBe(true)
      expect(await page.locator('#password-error').textContent()).not.toContain('commonly used')
      await expectNoAxeViolations(page)

      await page.goto(server.url + '/login')
      expect(await page.locator('h1').textContent()).toBe(loginTitle)
      await expectNoAxeViolations(page)
      await page.locator('input[name="username"]').fill(admin.username)
      await page.locator('input[name="password"]').fill('not the password')
      await page.locator('form.stack button[type="submit"]').click()
      await expect.poll(() => page.getByRole('alert').textContent()).toContain(wrongWord)
      await expectNoAxeViolations(page)
      await page.locator('input[name="username"]').fill(admin.username)
      await page.locator('input[name="password"]').fill(TEST_PASSWORD)
      await page.locator('form.stack button[type="submit"]').click()
      await expect.poll(() => headerName(page).textContent()).toBe(admin.username)
      await page.goto(server.url + '/account')
      expect(await page.locator('h1').textContent()).toBe(title)
      await expectNoAxeViolations(page)
      await page.goto(server.url + '/admin/users')
      expect(await page.locator('h1').textContent()).toBe(users)
      await expectNoAxeViolations(page)
      await page.getByRole('link', { name: 'browser-carol' }).click()
      await page.waitForURL('**/admin/users/browser-carol')
      await expectNoAxeViolations(page)
      expect(unexpected(errors)).toEqual([])
      await context.close()
    }
  }, 180_000)
})
