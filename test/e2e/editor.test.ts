import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import { editorTranslator } from '#app/core/i18n/editor-messages'
import { createPage, createRevision, createSource, createUser, login } from '#test/factories'
import { citation, doc, p, text } from '#test/fixtures/docs'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

/** The page editor in Chromium, against the built app: writing, citing, saving, editing, comparing. */
describe('the editor in Chromium', { timeout: 120_000 }, () => {
  const { t, server } = withTestApp({ engine: 'sqlite' }, { env: { DEMO_CONTENT: 'false' } })
  let browser: Browser
  let cookie: string
  beforeAll(async () => {
    browser = await launchBrowser()
    const editor = await createUser(t.db, { role: 'trusted' })
    cookie = await login(server.url, editor.username)
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function signedInContext(lang: 'en' | 'de' | 'fr'): Promise<BrowserContext> {
    const [name, ...value] = cookie.split('=')
    const made = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...(lang === 'en' ? {} : { locale: lang, extraHTTPHeaders: { 'accept-language': lang } }) })
    await made.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    return made
  }

  /**
   * A browser context of its own for each page: the editor keeps drafts in the browser's storage,
   * and a draft another test left behind must not be offered back in this one.
   */
  async function openEditor(path: string): Promise<{ page: Page; errors: string[] }> {
    const context = await signedInContext('en')
    const page = await context.newPage()
    page.on('close', () => void context.close().catch(() => undefined))
    const errors = watchErrors(page)
    await page.goto(server.url + path)
    await page.locator('.ProseMirror').waitFor()
    return { page, errors }
  }
  const findings = (page: Page) => page.getByTestId('findings-summary')
  // The live check waits for a pause in typing and asks the server: give it time on a busy machine.
  const eventually = <T,>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 })
  const body = (page: Page) => page.locator('.ProseMirror')
  // The page as readers see it (the editor's text is .prose too, until the navigation has rendered).
  const readerText = (page: Page) => page.locator('.prose:not(.ProseMirror)').textContent()

  it('creates a page with a table and a cited figure, edits it, and compares and reverts the revisions', async () => {
    const { page, errors } = await openEditor('/pages/new')
    await page.getByLabel('Title', { exact: true }).fill('Zoom vs Visio')
    await page.getByLabel('Summary', { exact: true }).fill('Video meetings for the French public sector.')
    await page.getByRole('group', { name: 'Proprietary product 1' }).getByLabel('Name').fill('Zoom')
    const alternative = page.getByRole('group', { name: 'Alternative 1' })
    await alternative.getByLabel('Name').fill('Visio')
    await alternative.getByLabel('Licence (SPDX)').fill('MIT')
    await page.getByRole('checkbox', { name: 'Video conferencing' }).check()
    await page.getByRole('checkbox', { name: 'Public sector' }).check()

    await body(page).click()
    await page.keyboard.type('Visio served 40,000 meetings a week.')
    await eventually(() => findings(page).textContent()).toBe('1 uncited figure')

    // Cite it from the list of findings, with a source added through the picker.
    await page.getByRole('button', { name: 'Cite “40,000”' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cite “40,000”' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Add a new source' }).click()
    await dialog.getByLabel('Address (URL)').fill('https://www.numerique.gouv.fr/visio-bilan-2024')
    await dialog.getByLabel('Title of the document').fill('Visio : bilan 2024')
    await dialog.getByLabel('Publisher', { exact: true }).fill('DINUM')
    await dialog.getByLabel('Published (optional)').fill('2024-06')
    await dialog.getByLabel('Kind of source').selectOption('official')
    await dialog.getByRole('button', { name: 'Add source' }).click()
    await eventually(() => dialog.getByRole('status').filter({ hasText: 'Added' }).textContent()).toContain('Added “Visio : bilan 2024” and selected it.')
    expect(await dialog.getByRole('radio', { name: /Visio : bilan 2024/ }).isChecked()).toBe(true)
    await dialog.getByLabel('Quoted passage').fill('Visio accueille 40 000 réunions par semaine')
    await dialog.getByLabel('As of').fill('2024-05')
    await dialog.getByLabel('Find a metric').fill('meetings')
    await dialog.getByRole('radio', { name: /Meetings per week/ }).check()
    await dialog.getByRole('button', { name: 'Cite figure' }).click()
    await eventually(() => dialog.isVisible()).toBe(false)
    await eventually(() => body(page).locator('span.figure').textContent()).toBe('40,000')
    await eventually(() => findings(page).textContent()).toBe('No uncited figures or promotional language found.')
    // The cursor is after the figure again: what is typed next is not part of it.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)

    // A feature matrix.
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Insert table' }).click()
    for (const cell of ['Product', 'Licence', 'Hosting', 'Zoom', 'proprietary', 'USA', 'Visio', 'MIT']) {
      await page.keyboard.type(cell)
      await page.keyboard.press('Tab')
    }
    await page.getByRole('button', { name: 'Add row' }).click()
    expect(await body(page).locator('table tr').count()).toBe(4)

    await page.getByLabel('Describe your change').fill('First version')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForURL('**/pages/zoom-vs-visio?revision=latest&saved=published')
    await eventually(() => page.getByRole('status').filter({ hasText: 'Saved and published.' }).count()).toBe(1)
    await eventually(() => page.locator('button.fig', { hasText: '40,000' }).count()).toBe(1)
    expect(await page.locator('.prose table th').first().textContent()).toBe('Product')

    // Edit again: change a sentence.
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await page.waitForURL('**/pages/zoom-vs-visio/edit')
    await body(page).waitFor()
    const paragraph = body(page).locator('p', { hasText: 'meetings a week.' })
    await paragraph.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Its code is public.')
    await page.getByLabel('Describe your change').fill('Second version')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForURL('**/pages/zoom-vs-visio?revision=latest&saved=published')
    await eventually(() => readerText(page)).toContain('Its code is public.')

    // Compare the two revisions on the history feature's pages, then revert to the first.
    const revisions = (await (await fetch(`${server.url}/api/v1/pages/zoom-vs-visio/revisions`)).json()) as { revisions: Array<{ id: string; summary: string }> }
    const [second, first] = revisions.revisions
    expect([first!.summary, second!.summary]).toEqual(['First version', 'Second version'])
    await page.goto(`${server.url}/pages/zoom-vs-visio/history`)
    expect(await page.locator('main').textContent()).toContain('Second version')
    await page.goto(`${server.url}/pages/zoom-vs-visio/diff?from=${first!.id}&to=${second!.id}`)
    expect(await page.locator('main').textContent()).toContain('Its code is public.')
    await page.goto(`${server.url}/pages/zoom-vs-visio/revisions/${first!.id}`)
    await page.getByRole('checkbox', { name: 'Replace the current text with this revision' }).check()
    await page.getByRole('button', { name: 'Revert to this revision' }).click()
    await eventually(async () => ((await (await fetch(`${server.url}/api/v1/pages/zoom-vs-visio`)).json()) as { revision: { id: string } }).revision.id).not.toBe(second!.id)
    const api = (await (await fetch(`${server.url}/api/v1/pages/zoom-vs-visio`)).json()) as { revision: { content: { body: unknown } } }
    expect(JSON.stringify(api.revision.content.body)).not.toContain('Its code is public.')
    expect(JSON.stringify(api.revision.content.body)).toContain('meetings a week.')
    expect(errors).toEqual([])
    await page.close()
  })

  it('underlines an uncited figure and promotional language while typing, and lists them', async () => {
    const { page, errors } = await openEditor('/pages/new')
    await body(page).click()
    await page.keyboard.type('Teams is the leading tool with 300 million users.')
    await eventually(() => findings(page).textContent()).toBe('1 uncited figure · 1 promotional phrase')
    expect(await body(page).locator('.finding--uncited').textContent()).toBe('300 million')
    expect(await body(page).locator('.finding--marketing').textContent()).toBe('leading')
    await eventually(() => page.locator('.findings__item--marketing').textContent()).toMatch(/leading.*instead/)

    // Deleting the promotional word clears its finding.
    await page.getByRole('button', { name: 'Show “leading” in the text' }).click()
    // The editor takes the focus on the next frame: type once it has it.
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror') && getSelection()?.toString())).toBe('leading')
    // ("most used" would be flagged too now: a superlative claim wants a source.)
    await page.keyboard.type('chat')
    await eventually(() => findings(page).textContent()).toBe('1 uncited figure')
    expect(await body(page).locator('.finding--marketing').count()).toBe(0)

    // Leaving with unsaved text asks first; declining stays in the editor with the text.
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.message()))))
    await page.getByRole('link', { name: 'Comparisons' }).click()
    expect(await asked).toBe('Your changes are not saved. Leave the editor anyway?')
    expect(new URL(page.url()).pathname).toBe('/pages/new')
    expect(await body(page).textContent()).toContain('the chat tool')
    expect(errors).toEqual([])
    await page.close()
  })

  it.each([
    ['de', 'Tchap hat 375.000 Nutzer.', '375.000'],
    ['fr', 'Tchap compte 375 000 utilisateurs.', '375 000'],
  ] as const)('works in %s: labels, toolbar, checks, source picker and refusals, axe-clean', async (lang, sentence, number) => {
    const t = editorTranslator(lang)
    const localContext = await signedInContext(lang)
    const page = await localContext.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url + '/pages/new')
    await body(page).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe(lang)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('editor.page.newTitle'))
    const toolbar = page.getByRole('toolbar', { name: t('editor.toolbar.label') })
    expect(await toolbar.getByRole('button', { name: t('editor.toolbar.bold') }).count()).toBe(1)
    expect(await toolbar.getByRole('button', { name: t('editor.toolbar.insertTable') }).count()).toBe(1)
    // The content language starts as the interface's, so figures are read the local way.
    expect(await page.getByLabel(t('editor.meta.lang')).inputValue()).toBe(lang)

    await body(page).click()
    await page.keyboard.type(sentence)
    await eventually(() => findings(page).textContent()).toBe(t('editor.findings.uncitedCount', { count: 1 }))
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: t('editor.findings.cite', { text: number }) }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.getByLabel(t('editor.evidence.quote')).count()).toBe(1)
    expect(await dialog.getByRole('button', { name: t('editor.picker.applyFigure') }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await page.keyboard.press('Escape')
    await eventually(() => page.getByRole('dialog').count()).toBe(0)

    // A save the server refuses (a licence that is no SPDX identifier: the browser cannot tell)
    // says why in the same language, next to the field too, and keeps the text.
    await page.getByLabel(t('editor.meta.title'), { exact: true }).fill(`Tchap ${lang}`)
    const alternative = page.getByRole('group', { name: t('editor.meta.alternativeN', { n: 1 }) })
    await alternative.getByLabel(t('editor.meta.productName')).fill('Tchap')
    await alternative.getByLabel(t('editor.meta.license')).fill('libre!')
    await page.getByRole('button', { name: t('editor.save.submit'), exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: t('editor.problem.invalid') })
    await eventually(() => alert.textContent()).toContain(`${t('editor.meta.alternativeN', { n: 1 })}: ${t('editor.issue.spdx')}`)
    expect(await alternative.textContent()).toContain(t('editor.issue.spdx'))
    expect(await body(page).textContent()).toContain(sentence)
    await expectNoAxeViolations(page)
    // The browser reports the 422 answer as a failed resource load; nothing else may be logged.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([])
    await localContext.close()
  })

  it('is axe-clean: the editor, the source picker and the link dialog', async () => {
    const { page, errors } = await openEditor('/pages/new')
    await body(page).click()
    await page.keyboard.type('Tchap has 375,000 users. It is the leading messenger.')
    await eventually(() => findings(page).textContent()).toBe('1 uncited figure · 1 promotional phrase')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Cite “375,000”' }).click()
    await page.getByRole('dialog').waitFor()
    await page.getByRole('button', { name: 'Add a new source' }).click()
    await expectNoAxeViolations(page)
    await page.keyboard.press('Escape')
    await eventually(() => page.getByRole('dialog').count()).toBe(0)
    await page.keyboard.press('Control+k')
    await page.getByRole('dialog', { name: 'Add a link' }).waitFor()
    await expectNoAxeViolations(page)
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
    await page.close()
  })

  it('cites a figure with the keyboard alone', async () => {
    const source = await createSource(t.db, { url: 'https://www.tchap.gouv.fr/rapport-2024', kind: 'official' })
    const { page, errors } = await openEditor('/pages/new')
    // Into the text from the field before it, with Tab: the toolbar is one tab stop on the way.
    await page.getByRole('checkbox', { name: 'Public sector' }).focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Bold')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('textbox')
    await page.keyboard.type('Tchap has 375,000 users.')
    await eventually(() => findings(page).textContent()).toBe('1 uncited figure')
    for (let i = 0; i < 'users.'.length + 3; i++) await page.keyboard.press('ArrowLeft')

    await page.keyboard.press('Control+Shift+F')
    // Says what happened instead when no picker opens (the hint, the text, where the caret is).
    const opened = () =>
      page.evaluate(() => {
        const open = document.querySelector('dialog[open]')
        if (open) return `dialog: ${document.getElementById(open.getAttribute('aria-labelledby') ?? '')?.textContent}`
        const selection = getSelection()
        return `no dialog; hint: ${document.querySelector('.editor-hint')?.textContent}; text: ${document.querySelector('.ProseMirror')?.textContent}; caret: ${selection?.anchorNode?.textContent}@${selection?.anchorOffset}`
      })
    await eventually(opened).toBe('dialog: Cite “375,000”')
    const dialog = page.getByRole('dialog', { name: 'Cite “375,000”' })
    // Focus starts in the search box.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search')
    // By its address: other tests add sources with the same title ('A report'), in any order.
    await page.keyboard.type('rapport-2024')
    await eventually(() => dialog.getByRole('status').first().textContent()).toBe('1 source found')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    expect(await dialog.getByRole('radio').first().isChecked()).toBe(true)
    // Past "Add a new source" to the quote, then the as-of date; Enter applies.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Tchap compte 375 000 utilisateurs')
    await page.keyboard.press('Tab')
    await page.keyboard.type('2024-03')
    await page.keyboard.press('Enter')
    await eventually(() => dialog.isVisible()).toBe(false)
    const mark = body(page).locator('span.figure')
    expect(await mark.textContent()).toBe('375,000')
    expect(await mark.getAttribute('data-source-id')).toBe(source.id)
    expect(await mark.getAttribute('data-as-of')).toBe('2024-03')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
    await eventually(() => findings(page).textContent()).toBe('No uncited figures or promotional language found.')

    // The toolbar: Alt+F10 enters it, arrows move, Escape returns to the text.
    await page.keyboard.press('Alt+F10')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Bold')
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Italic')
    await page.keyboard.press('Escape')
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)

    // Escape closes the picker and gives the focus back to the text.
    await page.keyboard.press('Control+Shift+F')
    await page.getByRole('dialog', { name: 'Evidence for “375,000”' }).waitFor()
    await page.keyboard.press('Escape')
    await eventually(() => page.getByRole('dialog').count()).toBe(0)
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the merge view after an edit conflict and saves the merged version on top of the current one', async () => {
    const author = await createUser(t.db, { role: 'trusted' })
    const created = await createPage(t.db, author, { title: 'Merge view page', summary: 'new', body: doc(p(text('Opening words.')), p(text('Closing words.'))) })
    const { page, errors } = await openEditor('/pages/merge-view-page/edit')
    // Someone else saves a change to the same paragraph meanwhile.
    const theirs = await createRevision(t.db, author, 'merge-view-page', { base: created.revision.id, title: 'Merge view page', summary: 'their change', body: doc(p(text('Their opening words.')), p(text('Closing words.'))) })

    await body(page).locator('p', { hasText: 'Opening words.' }).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' My addition.')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForURL(/\/pages\/merge-view-page\/edit\?conflict=/)
    const current = page.getByRole('region', { name: 'Current version' })
    // Their words, those that clash marked (a hidden label inside each mark names it for screen readers).
    await eventually(() => current.textContent()).toContain('Closing words.')
    expect(await page.getByRole('alert').textContent()).toContain('Both of you changed: the text')
    // The clashing words are marked on both sides, named for screen readers too (not by colour alone).
    const passage = page.getByRole('region', { name: 'Passage 1' })
    expect((await passage.locator('mark.conflict-word').allTextContents()).join(' ')).toMatch(/Their.*\(not in your version\).*My addition.*\(not in the current version\)/)
    expect((await current.locator('mark.hl-conflict').allTextContents()).join(' ')).toContain('Their')
    // My text is in the editor, and stored: the link opens it as a revision.
    expect(await body(page).textContent()).toContain('Opening words. My addition.')
    const conflictId = new URL(page.url()).searchParams.get('conflict')!
    expect(await page.getByRole('link', { name: 'your version as a revision' }).getAttribute('href')).toBe(`/pages/merge-view-page/revisions/${conflictId}`)
    expect(await page.locator('input[name="baseRevisionId"]').inputValue()).toBe(theirs.revision.id)
    await expectNoAxeViolations(page)

    // Take their wording over, keep mine, save.
    await body(page).locator('p', { hasText: 'My addition.' }).click()
    await page.keyboard.press('Home')
    await page.keyboard.type('Their ')
    await page.getByRole('button', { name: 'Save merged version' }).click()
    await page.waitForURL('**/pages/merge-view-page?revision=latest&saved=published')
    await eventually(() => readerText(page)).toContain('Their Opening words. My addition.')
    // The browser reports the 409 answer of the first save as a failed resource load; nothing else may be logged.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([])
    await page.close()
  })

  it('leaves a selected footnote for the caret put in the text, even before the browser reports it', async () => {
    const author = await createUser(t.db, { role: 'trusted' })
    const source = await createSource(t.db, { url: 'https://www.example.org/caret-source' })
    await createPage(t.db, author, { title: 'Caret after footnote', summary: 'new', body: doc(p(text('Tchap is used across ministries.'), citation(source.id))) })
    const { page, errors } = await openEditor('/pages/caret-after-footnote/edit')
    await body(page).locator('sup.citation').click()
    const bar = page.getByRole('group', { name: 'Footnote' })
    await eventually(() => bar.count()).toBe(1)
    // In one task, as when a click and Shift+ArrowRight come faster than the browser's
    // selectionchange event: the caret goes to the start of the text, then the key is pressed.
    const caret = await page.evaluate(() => {
      const first = document.querySelector('.ProseMirror p')!.firstChild!
      getSelection()!.collapse(first, 0)
      document.querySelector('.ProseMirror')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39, shiftKey: true, bubbles: true, cancelable: true }))
      const selection = getSelection()!
      return `${selection.anchorNode?.nodeName}@${selection.anchorOffset}`
    })
    // The key acted from the caret in the text (the browser would extend it), not from the footnote.
    expect(caret).toBe('#text@0')
    await eventually(() => bar.count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('adds a footnote after a claim and a link, and refuses a javascript: link', async () => {
    const source = await createSource(t.db, { url: 'https://www.example.org/footnote-source' })
    const { page, errors } = await openEditor('/pages/new')
    await body(page).click()
    await page.keyboard.type('Tchap is used across ministries.')
    await page.getByRole('button', { name: 'Footnote' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a footnote' })
    await dialog.waitFor()
    await dialog.getByLabel(/Search known sources/).fill('footnote-source')
    await eventually(() => dialog.getByRole('radio').count()).toBe(1)
    await dialog.getByRole('radio').check()
    await dialog.getByLabel('Where in the source (optional)').fill('p. 4')
    await dialog.getByRole('button', { name: 'Insert footnote' }).click()
    const footnote = body(page).locator('sup.citation')
    await eventually(() => footnote.count()).toBe(1)
    expect(await footnote.getAttribute('data-source-id')).toBe(source.id)
    expect(await footnote.getAttribute('data-locator')).toBe('p. 4')
    await footnote.click()
    await eventually(() => page.getByRole('group', { name: 'Footnote' }).textContent()).toContain('source A report')

    // A link on a selected word; a javascript: address is refused in the dialog. The word is
    // selected with the keyboard: a double click can land as two clicks on a busy machine.
    await body(page).locator('p').first().click({ position: { x: 10, y: 5 } })
    await page.keyboard.press('Home')
    for (let i = 0; i < 'Tchap'.length; i++) await page.keyboard.press('Shift+ArrowRight')
    await eventually(() => page.evaluate(() => getSelection()?.toString())).toBe('Tchap')
    await page.keyboard.press('Control+k')
    const linkDialog = page.getByRole('dialog', { name: 'Add a link' })
    await linkDialog.waitFor()
    await page.keyboard.type('javascript:alert(1)')
    await page.keyboard.press('Enter')
    await eventually(() => linkDialog.getByRole('alert').textContent()).toBe('Links can only go to http, https or mailto addresses.')
    await linkDialog.getByLabel('Address (URL)').fill('tchap.gouv.fr')
    await page.keyboard.press('Enter')
    await eventually(() => body(page).locator('a').getAttribute('href')).toBe('https://tchap.gouv.fr')
    expect(await body(page).locator('a').textContent()).toBe('Tchap')
    expect(errors).toEqual([])
    await page.close()
  })
})
