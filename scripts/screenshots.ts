/**
 * The README's screenshots, taken from a running app so they can be renewed after any change:
 * a comparison as an anonymous reader sees it, and the review page of the first revision in the
 * moderation queue (signed in as a moderator).
 *
 *   SOURCED_URL=http://localhost:3000 SCREENSHOT_USERNAME=mod npx tsx scripts/screenshots.ts
 *   (the moderator's password is read from standard input, or from SCREENSHOT_PASSWORD)
 *
 * Writes docs/screenshots/comparison.png and docs/screenshots/review.png (1366×900, light scheme).
 * Without a pending revision in the queue, only the comparison is taken, and the script says so.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

const base = (process.env.SOURCED_URL ?? 'http://localhost:3000').replace(/\/$/, '')
const comparison = process.env.SCREENSHOT_PAGE ?? '/pages/microsoft-teams-vs-tchap'
const out = path.resolve('docs/screenshots')

async function password(): Promise<string | null> {
  if (process.env.SCREENSHOT_PASSWORD) return process.env.SCREENSHOT_PASSWORD
  if (process.stdin.isTTY) return null
  let input = ''
  for await (const chunk of process.stdin) input += String(chunk)
  return input.split('\n')[0]?.trim() || null
}

async function main(): Promise<void> {
  const username = process.env.SCREENSHOT_USERNAME
  const secret = username ? await password() : null
  fs.mkdirSync(out, { recursive: true })
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
  try {
    const reader = await browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme: 'light', locale: 'en' })
    const page = await reader.newPage()
    await page.goto(base + comparison)
    await page.locator('h1').waitFor()
    await page.screenshot({ path: path.join(out, 'comparison.png') })
    console.log(`comparison: ${path.relative(process.cwd(), path.join(out, 'comparison.png'))}`)
    await reader.close()

    if (!username || !secret) {
      console.log('review page skipped: set SCREENSHOT_USERNAME and give a moderator’s password on standard input')
      return
    }
    const moderator = await browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme: 'light', locale: 'en' })
    const mod = await moderator.newPage()
    await mod.goto(`${base}/login?redirectTo=/moderation`)
    await mod.getByLabel('Username').fill(username)
    await mod.getByLabel('Password', { exact: true }).fill(secret)
    await mod.getByRole('button', { name: 'Log in' }).click()
    await mod.waitForURL((url) => url.pathname === '/moderation')
    // The login form navigates on the client: the queue is there once its table or its empty notice is.
    await mod.locator('main table.mod-queue, main .notice').first().waitFor()
    const review = mod.locator('main a[href^="/moderation/revisions/"]').first()
    if ((await review.count()) === 0) {
      console.log('review page skipped: the moderation queue is empty')
      return
    }
    await review.click()
    await mod.waitForURL((url) => url.pathname.startsWith('/moderation/revisions/'))
    await mod.locator('h1').waitFor()
    await mod.screenshot({ path: path.join(out, 'review.png') })
    console.log(`review: ${path.relative(process.cwd(), path.join(out, 'review.png'))}`)
    await moderator.close()
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
