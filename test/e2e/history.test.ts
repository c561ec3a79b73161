import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocNode, PageContent } from '#app/core/content'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { withTestApp } from '#test/app'
import { createRevision, createUser, login } from '#test/factories'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

const SLUG = 'zoom-vs-visio'

/** The first top-level paragraph whose first piece is plain text: the place the edits change. */
function editFirstParagraph(content: PageContent, edit: (text: string) => string): PageContent {
  const copy = structuredClone(content)
  const paragraph = (copy.body.content ?? []).find((n: DocNode) => n.type === 'paragraph' && n.content?.[0]?.type === 'text' && !n.content[0].marks)
  if (!paragraph) throw new Error('the demo page has no plain first paragraph to edit')
  paragraph.content![0]!.text = edit(paragraph.content![0]!.text!)
  return copy
}

/** History, diff, permalink and revert in Chromium, against the built app and the demo content. */
describe('revision history in Chromium', { timeout: 120_000 }, () => {
  const { t, server } = withTestApp({ engine: 'sqlite' })
  let browser: Browser
  let context: BrowserContext
  let editorName: string
  let original: string
  beforeAll(async () => {
    browser = await launchBrowser()
    // Two edits of a demo page, saved directly into the database the server reads.
    const trusted = await createUser(t.db, { role: 'trusted' })
    const editor = await createUser(t.db, { role: 'editor' })
    editorName = editor.username
    const page = (await getPageBySlug(t.db, SLUG))!
    original = page.latestRevisionId
    const first = (await getRevision(t.db, original))!
    const one = await createRevision(t.db, trusted, SLUG, { base: original, content: editFirstParagraph(first.content, (s) => `${s} Visio runs on open-source software.`), summary: 'Mention the software' })
    const second = (await getRevision(t.db, one.revision.id))!
    await createRevision(t.db, trusted, SLUG, { base: one.revision.id, content: editFirstParagraph(second.content, (s) => s.replace('open-source software', 'free software')), summary: 'Say free software' })
    const cookie = await login(server.url, editor.username)
    const [name, ...value] = cookie.split('=')
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  // One flow: the contributions and recent changes below show the revert this flow makes.
  it('compares two revisions picked in the history, opens a permalink, reverts to it and sees the new revision; then shows contributions and filtered recent changes, axe-clean', { timeout: 240_000 }, async () => {
    await revertFromTheHistory()
    await contributionsAndRecentChanges()
  })

  async function revertFromTheHistory() {
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${server.url}/pages/${SLUG}`)
    await page.getByRole('link', { name: 'History', exact: true }).click()
    await page.waitForURL(`**/pages/${SLUG}/history`)
    const rows = page.locator('table.history-table tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.first().textContent()).toContain('Say free software')
    await expectNoAxeViolations(page)

    // Pick the original demo revision and the newest one, with the keyboard for one of them.
    await page.getByRole('radio', { name: /^Compare from the revision of/ }).nth(2).check()
    const to = page.getByRole('radio', { name: /^Compare to the revision of/ }).first()
    await to.focus()
    await page.keyboard.press('Space')
    expect(await to.isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Compare selected revisions' }).click()
    await page.waitForURL((url) => url.pathname === `/pages/${SLUG}/diff` && url.searchParams.get('from') === original && url.searchParams.has('to'))
    const added = page.locator('.diff-body ins')
    await expect.poll(() => added.allTextContents()).toContainEqual(expect.stringContaining('Visio runs on free software.'))
    expect(await page.locator('h2', { hasText: 'Evidence changes' }).isVisible()).toBe(true)
    await expectNoAxeViolations(page)

    // One edit against the other: the changed words only.
    await page.goBack()
    await page.waitForURL(`**/pages/${SLUG}/history`)
    await page.getByRole('link', { name: /^changes made in the revision of/ }).first().click()
    await page.waitForURL(`**/pages/${SLUG}/diff?**`)
    await expect.poll(() => page.locator('.diff-body del').allTextContents()).toEqual([expect.stringContaining('open-source')])
    expect((await page.locator('.diff-body ins').allTextContents()).join('')).toContain('free')

    // The original revision's permalink, then revert to it.
    await page.getByRole('link', { name: 'All revisions' }).click()
    await page.waitForURL(`**/pages/${SLUG}/history`)
    await rows.nth(2).getByRole('link').first().click()
    await page.waitForURL(`**/pages/${SLUG}/revisions/${original}`)
    expect(await page.locator('.revision-banner').textContent()).toContain('Compare with the stable revision')
    expect(await page.locator('.prose').textContent()).not.toContain('free software')
    await expectNoAxeViolations(page)
    await page.getByRole('checkbox', { name: 'Replace the current text with this revision' }).check()
    await page.getByRole('button', { name: 'Revert to this revision' }).click()
    await page.waitForURL(/\/revisions\/[0-9a-z]{26}\?saved$/)
    expect(page.url()).not.toContain(original)
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Your revert is saved as a new revision and waits for review.')
    expect(await page.locator('.revision-banner').textContent()).toMatch(new RegExp(`Restores the revision of .+ by .+ \\(#${original.slice(-6)}\\)`))

    await page.getByRole('link', { name: 'All revisions' }).click()
    await page.waitForURL(`**/pages/${SLUG}/history`)
    await expect.poll(() => rows.count()).toBe(4)
    const newest = await rows.first().textContent()
    expect(newest).toMatch(new RegExp(`Restores the revision of .+ by .+ \\(#${original.slice(-6)}\\)`))
    expect(newest).toContain('Pending review')
    expect(newest).toContain(editorName)
    expect(errors).toEqual([])
    await page.close()
  }

  /** The revert made above, by the editor and pending, in the filtered recent changes and the editor's contributions. */
  async function contributionsAndRecentChanges() {
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${server.url}/recent-changes`)
    await expectNoAxeViolations(page)
    await page.getByLabel('Username').fill(editorName)
    await page.getByLabel('Status').selectOption('pending')
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(`**/recent-changes?**user=${editorName}**`)
    await expect.poll(() => page.locator('table.history-table tbody tr').count()).toBe(1)
    await expectNoAxeViolations(page)
    await page.locator('table.history-table tbody tr').first().getByRole('link', { name: editorName }).click()
    await page.waitForURL(`**/users/${editorName}`)
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Contributions of ${editorName}`)
    await expect.poll(() => page.locator('table.history-table tbody tr').count()).toBe(1)
    await expectNoAxeViolations(page)
    // A page's first revision against nothing: every block added, tables included.
    await page.goto(`${server.url}/pages/${SLUG}/diff?to=${original}`)
    await expect.poll(() => page.locator('.diff-body table').count()).toBeGreaterThan(0)
    expect(await page.locator('.diff-side').first().textContent()).toContain('The page did not exist before this revision.')
    await expectNoAxeViolations(page)
    // The feed the page advertises is well-formed XML to the browser's own parser.
    const feed = await page.evaluate(async (url) => {
      const text = await (await fetch(url)).text()
      const xml = new DOMParser().parseFromString(text, 'application/xml')
      return { error: xml.getElementsByTagName('parsererror').length, entries: xml.getElementsByTagName('entry').length, root: xml.documentElement.namespaceURI }
    }, `${server.url}/feeds/recent-changes.atom`)
    expect(feed).toMatchObject({ error: 0, root: 'http://www.w3.org/2005/Atom' })
    expect(feed.entries).toBeGreaterThan(6)
    expect(errors).toEqual([])
    await page.close()
  }
})
