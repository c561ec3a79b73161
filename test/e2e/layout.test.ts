import zlib from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestApp } from '#test/app'
import type { PageContent } from '#app/core/content'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { saveRevision } from '#app/services/save-revision.server'
import { createPage, createRevision, createUser, login } from '#test/factories'
import { expectNoAxeViolations, launchBrowser, watchErrors } from './browser'

const TCHAP = '/pages/microsoft-teams-vs-tchap'
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 900 }

/** Every text word inside a table cell that the browser broke over two lines (e.g. "Microsof t"). */
async function brokenWordsInCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = []
    for (const cell of document.querySelectorAll('td, th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        // A line may break after a hyphen or a slash; anywhere else inside a word is a broken word.
        for (const match of text.matchAll(/[^\s\-\u2010/]+[-\u2010/]?/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
          if (tops.size > 1) broken.push(match[0])
        }
      }
    }
    return broken
  })
}

async function expectFits(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
  expect(scrollWidth, `${what}: no horizontal overflow`).toBeLessThanOrEqual(innerWidth)
  expect(await brokenWordsInCells(page), `${what}: no word broken inside a table cell`).toEqual([])
}

/** The vertical centres of an element's visible children: one value means one row. */
async function rowsOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => {
    const tops = [...el.children]
      .filter((c) => c.getBoundingClientRect().width > 0)
      .map((c) => {
        const r = c.getBoundingClientRect()
        return r.top + r.height / 2
      })
    const rows: number[] = []
    for (const top of tops) if (!rows.some((r) => Math.abs(r - top) < 12)) rows.push(top)
    return rows.length
  })
}

describe('layout, weight and reading without JavaScript', { timeout: 180_000 }, () => {
  const { t, server } = withTestApp({ engine: 'sqlite' })
  let browser: Browser
  let cookie: string
  // Pages that need a revision to show: a pending one (review, diff, permalink) and a merge screen.
  const more = { reader: [] as string[], signedIn: [] as string[] }
  beforeAll(async () => {
    browser = await launchBrowser()
    const moderator = await createUser(t.db, { role: 'admin', username: 'layout-admin-with-a-long-name' })
    cookie = await login(server.url, moderator.username)
    const editor = await createUser(t.db, { role: 'editor', username: 'layout-editor' })
    const slug = 'slack-vs-element'
    const page = (await getPageBySlug(t.db, slug))!
    const base = (await getRevision(t.db, page.latestRevisionId))!
    const appended = (words: string): PageContent => {
      const body = structuredClone(base.content.body)
      const first = body.content!.find((n) => n.type === 'paragraph' && (n.content ?? []).length > 0)!
      first.content!.push({ type: 'text', text: words })
      return { ...base.content, body }
    }
    const pending = await createRevision(t.db, editor, slug, { base: base.id, content: appended(' Element is used by 400,000 people in the public sector.'), summary: 'pending for the layout test' })
    // The merge screen, on a page without a table: the editor's own tables are a known axe
    // limitation (an empty header cell typed by an author; a scrolling wrapper that must not take
    // focus inside the editable area) that the reader's renderer does not share.
    const words = (text: string): PageContent => ({ ...base.content, title: 'Layout merge page', subjects: { proprietary: [], alternatives: [] }, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'An opening sentence that stays.' }] }, { type: 'paragraph', content: [{ type: 'text', text }] }] } })
    const made = await createPage(t.db, moderator, { content: words('Element is used by 350,000 people.'), summary: 'new' })
    await createRevision(t.db, moderator, made.page.slug, { base: made.revision.id, content: words('Element is used by 400,000 people.'), summary: 'theirs' })
    const conflict = await saveRevision(t.db, { actor: moderator, slug: made.page.slug, baseRevisionId: made.revision.id, content: words('Element is used by 380,000 people in all.'), summary: 'conflicting edit', idempotencyKey: null })
    if (conflict.ok || conflict.code !== 'edit_conflict') throw new Error('expected an edit conflict')
    more.reader.push(`/pages/${slug}/diff?from=${base.id}&to=${pending.revision.id}`, `/pages/${slug}/revisions/${pending.revision.id}`, `/users/${editor.username}`, `/talk/page/${slug}`)
    more.signedIn.push(`/moderation/revisions/${pending.revision.id}`, `/pages/${made.page.slug}/edit?conflict=${conflict.conflict.revisionId}`, `/moderation/pages/${slug}/protect`, `/admin/users/${editor.username}`, '/moderation/log')
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function signedIn(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const [name, ...value] = cookie.split('=')
    const context = await browser.newContext({ viewport })
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    return context
  }

  const readerPaths = ['/', '/pages', TCHAP, `${TCHAP}/history`, `${TCHAP}/sources`, '/sources', '/search?q=users', '/recent-changes', '/moderation/log']
  const signedInPaths = [TCHAP, `${TCHAP}/edit`, '/moderation', '/moderation/reports', '/admin/users', '/account']

  for (const viewport of [PHONE, DESKTOP]) {
    it(`fits ${viewport.width}×${viewport.height}: no horizontal overflow, no word broken in a table cell`, async () => {
      const anonymous = await browser.newContext({ viewport })
      const page = await anonymous.newPage()
      const errors = watchErrors(page)
      for (const path of [...readerPaths, ...more.reader]) {
        await page.goto(server.url + path)
        await expectFits(page, `${path} at ${viewport.width}`)
      }
      const context = await signedIn(viewport)
      const own = await context.newPage()
      for (const path of [...signedInPaths, ...more.signedIn]) {
        await own.goto(server.url + path)
        await own.locator('main h1').first().waitFor()
        await expectFits(own, `${path} signed in at ${viewport.width}`)
      }
      expect(errors).toEqual([])
      await anonymous.close()
      await context.close()
    })
  }

  it('keeps the header to one row when signed in at 1366 px, and compact on a phone', async () => {
    const context = await signedIn(DESKTOP)
    const page = await context.newPage()
    for (const path of [TCHAP, '/moderation', `${TCHAP}/edit`]) {
      await page.goto(server.url + path)
      expect(await rowsOf(page, '.site-header__inner'), path).toBe(1)
    }
    await context.close()
    const phone = await signedIn(PHONE)
    const small = await phone.newPage()
    await small.goto(server.url + TCHAP)
    expect(await small.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(120)
    // The links are behind the menu button, and the menu opens.
    await small.getByText('Menu', { exact: true }).click()
    await expect.poll(() => small.getByRole('link', { name: 'Recent changes' }).isVisible()).toBe(true)
    await phone.close()
  })

  it('opens every figure’s evidence and jumps to the footnotes with JavaScript disabled', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false })
      const page = await context.newPage()
      await page.goto(server.url + TCHAP)
      const figures = page.locator('button.fig[popovertarget]')
      const count = await figures.count()
      expect(count).toBeGreaterThan(10)
      for (let i = 0; i < count; i++) {
        const figure = figures.nth(i)
        await figure.scrollIntoViewIfNeeded()
        await figure.click()
        const panel = page.locator('#' + (await figure.getAttribute('popovertarget')))
        await expect.poll(() => panel.isVisible()).toBe(true)
        expect(await panel.innerText()).toMatch(/Source/)
        await page.keyboard.press('Escape')
        await expect.poll(() => panel.isVisible()).toBe(false)
      }
      // A footnote mark leads to its reference, and the reference back to the text.
      const cite = page.locator('sup.cite a').first()
      const target = (await cite.getAttribute('href'))!
      await cite.click()
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(target)
      await context.close()
    }
  })

  it('ships the Tchap comparison light: ≤ 100 KB compressed in all, ≤ 40 KB of it JavaScript', async () => {
    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    const sizes: Array<{ url: string; type: string; gzip: number }> = []
    page.on('response', async (response) => {
      const body = await response.body().catch(() => null)
      if (body) sizes.push({ url: response.url(), type: response.headers()['content-type'] ?? '', gzip: zlib.gzipSync(body, { level: 9 }).length })
    })
    await page.goto(server.url + TCHAP, { waitUntil: 'load' })
    await expect.poll(() => sizes.some((s) => s.type.includes('text/html'))).toBe(true)
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0)
    const js = sizes.filter((s) => s.type.includes('javascript')).reduce((sum, s) => sum + s.gzip, 0)
    expect(total).toBeLessThanOrEqual(100_000)
    expect(js).toBeLessThanOrEqual(40_000)
    // No React on a reading page: no module preloads, no loader data in the HTML.
    expect(await page.locator('link[rel=modulepreload]').count()).toBe(0)
    await context.close()
  })

  it('hydrates a signed-in German page with the German strings only, and fetches French when the language changes under it', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'de', extraHTTPHeaders: { 'accept-language': 'de' } })
    const [name, ...value] = cookie.split('=')
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    const page = await context.newPage()
    const errors = watchErrors(page)
    const catalogues: Array<{ lang: string; gzip: number }> = []
    const scripts: string[] = []
    page.on('response', async (response) => {
      if (!response.url().endsWith('.js')) return
      const lang = /\/catalogue\.(\w+)-[\w-]+\.js$/.exec(response.url())?.[1]
      const body = await response.body().catch(() => null)
      if (body) scripts.push(body.toString('utf8'))
      if (lang && body) catalogues.push({ lang, gzip: zlib.gzipSync(body, { level: 9 }).length })
    })
    await page.goto(server.url + '/moderation')
    await page.waitForLoadState('networkidle')
    expect(await page.locator('html').getAttribute('lang')).toBe('de')
    expect(await page.locator('main h1').first().innerText()).toBe('Prüfliste')
    // One catalogue, German: about a third of the strings of all three languages (decision 035).
    expect(catalogues.map((c) => c.lang)).toEqual(['de'])
    expect(catalogues[0]!.gzip).toBeLessThanOrEqual(30_000)
    // No English or French string in any script the page loaded (base catalogue and features).
    const code = scripts.join('\n')
    for (const german of ['Zum Inhalt springen', 'Prüfliste', 'Alle Zahlen und Belege dieser Seite']) expect(code).toContain(german)
    for (const other of ['Skip to content', 'Aller au contenu', 'Revision queue', 'File de relecture', 'Every figure and citation on this page', 'Tous les chiffres et références de cette page']) expect(code).not.toContain(other)
    // A client-side navigation needs no other catalogue.
    await page.locator('.site-nav').getByRole('link', { name: 'Vergleiche' }).click()
    await page.waitForURL(/\/pages$/)
    await page.waitForLoadState('networkidle')
    expect(catalogues.map((c) => c.lang)).toEqual(['de'])
    // The language chosen in another tab reaches this one when the root data is loaded again
    // (here: a navigation that changes the query): the French catalogue is fetched, then shown.
    await context.addCookies([{ name: 'lang', value: 'fr', url: server.url }])
    await page.evaluate(() => (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate('/moderation?status=pending'))
    await expect.poll(() => page.locator('main h1').first().innerText()).toBe('File de relecture')
    await expect.poll(() => page.locator('.site-nav').getByRole('link', { name: 'Comparatifs' }).count()).toBe(1)
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    expect(catalogues.map((c) => c.lang)).toEqual(['de', 'fr'])
    expect(errors).toEqual([])
    await context.close()
  })

  it('loads the editor’s strings in the page’s language only, on a direct load and on a client-side navigation', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'de', extraHTTPHeaders: { 'accept-language': 'de' } })
    const [name, ...value] = cookie.split('=')
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    for (const route of ['direct', 'client-side'] as const) {
      const page = await context.newPage()
      const errors = watchErrors(page)
      const requested: string[] = []
      page.on('request', (request) => {
        const lang = /\/(?:editor-)?catalogue\.(\w+)-[\w-]+\.js$/.exec(request.url())
        if (lang) requested.push(lang[0].includes('editor-') ? `editor ${lang[1]}` : lang[1]!)
      })
      if (route === 'direct') {
        await page.goto(server.url + `${TCHAP}/edit`)
      } else {
        await page.goto(server.url + '/moderation')
        await page.waitForLoadState('networkidle')
        expect(requested).toEqual(['de'])
        await page.evaluate((to) => (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate(to), `${TCHAP}/edit`)
      }
      await page.locator('.editor-toolbar').waitFor()
      expect(await page.locator('main h1').first().innerText(), route).toMatch(/bearbeiten/)
      expect(await page.getByRole('button', { name: 'Fett', exact: true }).count(), route).toBeGreaterThan(0)
      expect([...requested].sort(), route).toEqual(['de', 'editor de'])
      expect(errors, route).toEqual([])
      await page.close()
    }
    await context.close()
  })

  it('reads clean with axe in English, German and French, on a phone and a desktop, with the page facts and legend', async () => {
    for (const lang of ['en', 'de', 'fr'] as const) {
      for (const viewport of [PHONE, DESKTOP]) {
        const context = await browser.newContext({ viewport, locale: lang, extraHTTPHeaders: { 'accept-language': lang } })
        const page = await context.newPage()
        await page.goto(server.url + TCHAP)
        expect(await page.locator('html').getAttribute('lang')).toBe(lang)
        await expectNoAxeViolations(page)
        await context.close()
      }
    }
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await page.goto(server.url + TCHAP)
    const aside = page.getByRole('complementary', { name: 'About this comparison' })
    expect(await aside.innerText()).toMatch(/16 cited figures/)
    expect(await aside.innerText()).toMatch(/older than 18 months/)
    expect(await aside.getByRole('link', { name: 'References' }).isVisible()).toBe(true)
    // A figure's state is part of its name, not only its colour.
    expect(await page.locator('button.fig[data-states~=outdated]').first().innerText()).toContain('◷')
    // One reference per source: no source is listed twice.
    const titles = await page.locator('.citations > ol > li > a[href^=http]').allTextContents()
    expect(new Set(titles).size).toBe(titles.length)
    await context.close()
  })

  it('reads clean with axe in English, German and French on the merge screen, the queue, the review page, the log and a diff', async () => {
    for (const lang of ['en', 'de', 'fr'] as const) {
      const context = await browser.newContext({ viewport: DESKTOP, locale: lang, extraHTTPHeaders: { 'accept-language': lang } })
      const [name, ...value] = cookie.split('=')
      await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
      const page = await context.newPage()
      for (const path of ['/moderation', ...more.signedIn.slice(0, 2), '/moderation/log', more.reader[0]!, `${TCHAP}/history`]) {
        await page.goto(server.url + path)
        await page.locator('main h1').first().waitFor()
        await expectNoAxeViolations(page)
      }
      await context.close()
    }
  })

  it('previews a figure’s evidence on hover on a desktop', async () => {
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url + TCHAP)
    await page.locator('button.fig').first().hover()
    await expect.poll(() => page.locator('.evidence-preview').count()).toBe(1)
    expect(await page.locator('.evidence-preview').innerText()).toMatch(/Source/)
    await page.mouse.move(0, 0)
    await expect.poll(() => page.locator('.evidence-preview').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the editor toolbar to one row at 390 px, with the folded tools in a menu', async () => {
    const context = await signedIn(PHONE)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url + `${TCHAP}/edit`)
    await page.locator('.editor-toolbar').waitFor()
    expect(await rowsOf(page, '.editor-toolbar')).toBe(1)
    expect(await page.getByRole('button', { name: 'Bold' }).getAttribute('title')).toMatch(/^Bold \(/)
    await page.getByRole('button', { name: 'More tools' }).click()
    const menu = page.locator('.editor-toolbar__menu')
    await expect.poll(() => menu.isVisible()).toBe(true)
    expect(await menu.getByRole('button', { name: 'Insert table' }).count()).toBe(1)
    await page.keyboard.press('Escape')
    for (const lang of ['en', 'de', 'fr'] as const) {
      const other = await browser.newContext({ viewport: PHONE, locale: lang, extraHTTPHeaders: { 'accept-language': lang } })
      const [name, ...value] = cookie.split('=')
      await other.addCookies([{ name: name!, value: value.join('='), url: server.url }])
      const edit = await other.newPage()
      // The editor's own controls at phone width (a table in the text scrolls sideways there, and
      // its ProseMirror wrapper cannot take focus: see the report of issue 15).
      await edit.goto(server.url + '/pages/new')
      await edit.locator('.editor-toolbar').waitFor()
      await expectNoAxeViolations(edit)
      await other.close()
    }
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps a draft through a reload and shows the changes before saving', async () => {
    const context = await signedIn(DESKTOP)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url + '/pages/zoom-vs-visio/edit')
    const body = page.locator('.ProseMirror')
    await body.waitFor()
    await body.locator('p').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' A sentence kept as a draft.')
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sourced.draft.')).length)).toBe(1)

    await page.getByRole('button', { name: 'Show changes' }).click()
    const dialog = page.getByRole('dialog', { name: 'Your changes, not saved yet' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.locator('.diff-body').innerText()).toMatch(/sentence[\s\S]*kept[\s\S]*draft/)
    expect(await dialog.locator('ins').count()).toBeGreaterThan(0)
    await expectNoAxeViolations(page)
    await dialog.getByRole('button', { name: 'Close' }).click()

    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await page.getByRole('button', { name: 'Restore the draft' }).click()
    await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('A sentence kept as a draft.')
    expect(await page.getByRole('button', { name: 'Restore the draft' }).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
