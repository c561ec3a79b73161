import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { createPage, createSource, createUser, login } from '#test/factories'
import { doc, p, text } from '#test/fixtures/docs'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

/**
 * The whole moderation loop in Chromium against the built app: a new editor writes marketing
 * with an uncited figure in the editor, the queue shows it, approval is refused with the list,
 * the editor fixes it, a moderator approves, a reader sees it and reports the figure, it shows as
 * disputed, the moderator dismisses the report, and the public log has every decision.
 */
describe('the moderation loop in Chromium', () => {
  let browser: Browser
  let editorContext: BrowserContext
  let moderatorContext: BrowserContext
  let readerContext: BrowserContext
  let slug = ''
  let moderatorName = ''

  async function signedIn(username: string): Promise<BrowserContext> {
    const cookie = await login(server.url, username)
    const [name, ...value] = cookie.split('=')
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    return context
  }

  let editor: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  // The rows are written before the server starts.
  const { server } = withTestApp({ engine: 'sqlite' }, {
    // One reader's report is enough to mark a figure here (the default needs three people).
    env: { DEMO_CONTENT: 'false', REPORTS_TO_DISPUTE: '1' },
    seed: async (t) => {
      const trusted = await createUser(t.db, { role: 'trusted' })
      editor = await createUser(t.db, { role: 'editor' })
      moderator = await createUser(t.db, { role: 'moderator' })
      moderatorName = moderator.username
      await createSource(t.db, { url: 'https://www.opendesk.eu/adoption-2025', kind: 'vendor' })
      // The page the editor starts from, already published.
      const saved = await createPage(t.db, trusted, {
        title: 'Microsoft 365 vs openDesk', summary: 'Start', body: doc(p(text('openDesk is an office and collaboration suite for public administrations.'))),
        fields: { subjects: { proprietary: [{ name: 'Microsoft 365', vendor: 'Microsoft', homepage: '' }], alternatives: [{ name: 'openDesk', vendor: 'ZenDiS', homepage: '', license: 'MPL-2.0', repository: '' }] } },
      })
      slug = saved.page.slug
    },
  })
  beforeAll(async () => {
    browser = await launchBrowser()
    editorContext = await signedIn(editor.username)
    moderatorContext = await signedIn(moderator.username)
    readerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  })
  afterAll(async () => {
    for (const c of [editorContext, moderatorContext, readerContext]) await c?.close()
    await browser?.close()
  })

  const editorBody = (page: Page) => page.locator('.ProseMirror')
  const queueRow = (page: Page) => page.locator('tr[data-revision]', { hasText: 'Microsoft 365 vs openDesk' })

  it('runs from a promotional, uncited edit to a dismissed report, each step in the log', async () => {
    // 1. A new editor writes marketing and an uncited figure in the editor; it is saved as pending.
    const editorPage = await editorContext.newPage()
    const editorErrors = watchErrors(editorPage)
    await editorPage.goto(`${server.url}/pages/${slug}/edit`)
    await editorBody(editorPage).waitFor()
    await editorBody(editorPage).locator('p').last().click()
    await editorPage.keyboard.press('End')
    await editorPage.keyboard.press('Enter')
    await editorPage.keyboard.type('openDesk is the leading suite, used by 5,000 agencies.')
    await expect.poll(() => editorPage.getByTestId('findings-summary').textContent()).toBe('1 uncited figure · 1 promotional phrase')
    await editorPage.getByLabel('Describe your change').fill('Adoption figure')
    await editorPage.getByRole('button', { name: 'Save', exact: true }).click()
    await editorPage.waitForURL(`**/pages/${slug}?revision=latest&saved=*`)
    await expect.poll(() => editorPage.locator('.banner--pending').textContent()).toContain('not been approved yet')
    // The banner links to the pending changes on the diff page (stable → latest).
    expect(await editorPage.locator('.banner--pending').getByRole('link', { name: 'See what changed' }).getAttribute('href')).toMatch(new RegExp(`^/pages/${slug}/diff\\?from=[0-9a-z]{26}&to=[0-9a-z]{26}$`))
    // Anonymous readers still see the approved revision.
    const early = await readerContext.newPage()
    await early.goto(`${server.url}/pages/${slug}`)
    expect(await early.locator('.prose').textContent()).not.toContain('leading')
    await early.close()

    // 2. The queue shows it with its findings; the review page highlights "leading" and the uncited "5,000".
    const modPage = await moderatorContext.newPage()
    const modErrors = watchErrors(modPage)
    await modPage.goto(`${server.url}/moderation`)
    await expect.poll(() => queueRow(modPage).count()).toBe(1)
    const row = await queueRow(modPage).textContent()
    expect(row).toContain('Uncited figure: 1 — 5,000')
    expect(row).toContain('Promotional language: 1 — leading')
    await expectNoAxeViolations(modPage)
    await queueRow(modPage).getByRole('link', { name: /Review the revision/ }).click()
    await modPage.waitForURL('**/moderation/revisions/*')
    const firstReview = modPage.url()
    expect(await modPage.locator('.review__body mark.hl-marketing').first().textContent()).toMatch(/^leading/)
    expect(await modPage.locator('.review__body mark.hl-uncited').first().textContent()).toMatch(/^5,000/)
    expect(await modPage.locator('.legend').textContent()).toContain('Claim without evidence')
    // The diff against the stable revision marks the same findings inside what was added.
    const changes = modPage.locator('section', { has: modPage.locator('#changes-heading') })
    expect(await changes.locator('ins mark.hl-marketing').first().textContent()).toMatch(/^leading/)
    expect(await changes.locator('ins mark.hl-uncited').first().textContent()).toMatch(/^5,000/)
    await expectNoAxeViolations(modPage)

    // 3. Approval is refused with the list of uncited figures.
    await modPage.getByRole('button', { name: 'Approve and publish' }).click()
    await expect.poll(() => modPage.getByRole('alert').first().textContent()).toContain('Cannot approve: 1 figure has no evidence')
    expect(await modPage.locator('.uncited-list li').allTextContents()).toEqual(['5,000'])
    await expectNoAxeViolations(modPage)

    // 4. The editor cites the figure (source, quote, as-of) and replaces "leading".
    await editorPage.goto(`${server.url}/pages/${slug}/edit`)
    await editorBody(editorPage).waitFor()
    await editorPage.getByRole('button', { name: 'Show “leading” in the text' }).click()
    await editorPage.keyboard.type('open-source')
    await expect.poll(() => editorPage.getByTestId('findings-summary').textContent()).toBe('1 uncited figure')
    await editorPage.getByRole('button', { name: 'Cite “5,000”' }).click()
    const dialog = editorPage.getByRole('dialog', { name: 'Cite “5,000”' })
    await dialog.waitFor()
    await editorPage.keyboard.type('A report')
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe('1 source found')
    await dialog.getByRole('radio').first().check()
    await dialog.getByLabel('Quoted passage').fill('used by 5,000 agencies')
    await dialog.getByLabel('As of').fill('2025-06')
    await dialog.getByLabel('Find a metric').fill('organisations')
    await dialog.getByRole('radio', { name: /^Organisations/ }).check()
    await dialog.getByRole('button', { name: 'Cite figure' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => editorPage.getByTestId('findings-summary').textContent()).toBe('No uncited figures or promotional language found.')
    await editorPage.getByLabel('Describe your change').fill('Cite the adoption figure, drop "leading"')
    await editorPage.getByRole('button', { name: 'Save', exact: true }).click()
    await editorPage.waitForURL(`**/pages/${slug}?revision=latest&saved=*`)
    expect(editorErrors).toEqual([])

    // 5. A moderator approves the fixed revision (it builds on the first, which is published with it).
    await modPage.goto(`${server.url}/moderation`)
    await expect.poll(() => queueRow(modPage).count()).toBe(2)
    const fixed = modPage.locator('tr[data-revision]', { hasText: 'Cite the adoption figure' })
    expect(await fixed.textContent()).toContain('none')
    await fixed.getByRole('link', { name: /Review the revision/ }).click()
    await modPage.waitForURL('**/moderation/revisions/*')
    expect(modPage.url()).not.toBe(firstReview)
    expect(await modPage.locator('.review__body mark').count()).toBe(0)
    expect(await modPage.locator('.review__body button.fig').textContent()).toBe('5,000')
    // The source it adds is a vendor's: shown as self-reported.
    expect(await modPage.locator('section', { has: modPage.locator('#sources-heading') }).textContent()).toContain('Self-reported')
    await modPage.getByLabel('Public note (optional)').fill('Cited, promotional wording removed.')
    await modPage.getByRole('button', { name: 'Approve and publish' }).click()
    await expect.poll(() => modPage.getByRole('status').filter({ hasText: 'Approved' }).count()).toBe(1)
    await modPage.goto(`${server.url}/moderation`)
    await expect.poll(() => queueRow(modPage).count()).toBe(0)

    // 6. An anonymous reader sees the new text and reports the figure.
    const reader = await readerContext.newPage()
    const readerErrors = watchErrors(reader)
    await reader.goto(`${server.url}/pages/${slug}`)
    // The text as written: without the marks of a figure's state (✎ self-reported …) inside its button.
    const prose = await reader.locator('.prose').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      for (const mark of copy.querySelectorAll('.fig-mark, .fig .visually-hidden')) mark.remove()
      return copy.textContent
    })
    expect(prose).toContain('openDesk is the open-source suite, used by 5,000 agencies.')
    const figure = reader.locator('button.fig', { hasText: '5,000' })
    expect(await figure.getAttribute('data-disputed')).toBeNull()
    await figure.click()
    const panel = reader.locator('#' + (await figure.getAttribute('popovertarget')))
    await expect.poll(() => panel.isVisible()).toBe(true)
    await panel.getByText('Report a problem').click()
    await panel.getByLabel('It measures something different').check()
    await panel.getByLabel(/Comment/).fill('The source counts pilot installations, not agencies.')
    await expectNoAxeViolations(reader)
    await panel.getByRole('button', { name: 'Send report' }).click()
    await expect.poll(() => reader.getByRole('status').first().textContent()).toContain('Thank you')
    await expectNoAxeViolations(reader)

    // 7. It shows as disputed to every reader.
    await reader.getByRole('link', { name: 'Back to the page' }).click()
    await reader.waitForURL(`**/pages/${slug}`)
    await expect.poll(() => reader.locator('button.fig', { hasText: '5,000' }).getAttribute('data-disputed')).toBe('true')
    await reader.locator('button.fig', { hasText: '5,000' }).click()
    await expect.poll(() => panel.textContent()).toContain('Disputed: readers reported it; a moderator will decide.')

    // 8. The moderator dismisses the report with a public note; the mark goes away.
    await modPage.goto(`${server.url}/moderation/reports`)
    const report = modPage.locator('li.report-item', { hasText: '5,000' })
    expect(await report.textContent()).toContain('The source counts pilot installations, not agencies.')
    await expectNoAxeViolations(modPage)
    await report.getByLabel('Dismissed: the evidence stands').check()
    await report.getByLabel('Public note').fill('The source says agencies; the metric is stated.')
    await report.getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => modPage.getByRole('status').first().textContent()).toContain('Report dismissed')
    await reader.reload()
    expect(await reader.locator('button.fig', { hasText: '5,000' }).getAttribute('data-disputed')).toBeNull()

    // 9. The public log shows every decision, with its reason.
    await reader.goto(`${server.url}/moderation/log`)
    const log = await reader.locator('table.mod-log').textContent()
    expect(log).toContain('Revision approved')
    expect(log).toContain('Cited, promotional wording removed.')
    // Approving the fixed revision also published the first one, which it builds on.
    expect(log).toContain('published with the pending revision it builds on')
    expect(log).toContain('Report dismissed')
    expect(log).toContain('The source says agencies; the metric is stated.')
    expect(log).toContain(moderatorName)
    await expectNoAxeViolations(reader)
    // The browser logs the refused approval's 409 as a failed resource load: that one is expected.
    expect(modErrors.filter((e) => !/status of 409/.test(e))).toEqual([])
    expect(modErrors.filter((e) => /status of 409/.test(e))).toHaveLength(1)
    expect(readerErrors).toEqual([])
  }, 180_000)
})
