import http from 'node:http'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DocNode } from '#app/core/content'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createPage, createRevision, createSource, createUser, login } from '#test/factories'
import { citation, doc, figure, p, text } from '#test/fixtures/docs'
import { child, children, parseXml } from '#test/fixtures/xml'
import { get as rawGet, postForm, type RequestOptions } from './requests'

type User = Awaited<ReturnType<typeof createUser>>

const TITLE = 'History test page'
const SLUG = 'history-test-page'
/** A page like the test page for the revert and rollback flow, so the tests that read the test page see it unchanged, in any order. */
const FLOW_TITLE = 'History flow page'
const FLOW_SLUG = 'history-flow-page'
const ids = (html: string, radio: 'from' | 'to' = 'to') => [...html.matchAll(new RegExp(`name="${radio}"[^>]*value="([0-9a-z]{26})"`, 'g'))].map((m) => m[1]!)
const hiddenField = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? null
/** The HTML of a response, without the <!-- --> React puts between adjacent texts. */
const html = async (response: Promise<Response> | Response) => (await (await response).text()).replace(/<!-- -->/g, '')
/** An <a> with this href (and rel), whatever the order of its attributes. */
const linkTo = (href: string, rel?: string) => new RegExp(`<a(?=[^>]*\\shref="${href.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&').replace(/&/g, '&amp;')}")${rel ? `(?=[^>]*\\srel="${rel}")` : ''}[^>]*>`)
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

describe.each(TEST_ENGINES)('revision history on $engine', (engine) => {
  const { t, server } = withTestApp(engine)
  let trusted: User
  let editor: User
  let vandal: User
  let moderator: User
  let source: { id: string }
  /** The revisions of the test page, oldest first. */
  const made: string[] = []
  /** The revisions of the flow page, oldest first. */
  const flowMade: string[] = []

  const body = (users: string, extra?: DocNode) =>
    doc(
      p(text('Tchap is the messenger of the French State.')),
      p(text('Tchap has '), figure(users, { sourceId: source.id, quote: `Tchap has ${users} users`, asOf: '2024', metric: 'monthly active users' }), text(' users.'), citation(source.id)),
      ...(extra ? [extra] : []),
    )

  const get = (path: string, options: RequestOptions = {}) => rawGet(server, path, options)
  const page = (path: string, options: RequestOptions = {}) => html(get(path, options))

  async function save(actor: User, b: DocNode, summary: string, into = { title: TITLE, slug: SLUG, made }) {
    const existing = await getPageBySlug(t.db, into.slug)
    const edit = { title: into.title, body: b, summary }
    const result = existing ? await createRevision(t.db, actor, into.slug, { ...edit, base: existing.latestRevisionId }) : await createPage(t.db, actor, edit)
    into.made.push(result.revision.id)
    return result.revision
  }

  beforeAll(async () => {
    trusted = await createUser(t.db, { role: 'trusted' })
    editor = await createUser(t.db, { role: 'editor' })
    vandal = await createUser(t.db, { role: 'editor' })
    moderator = await createUser(t.db, { role: 'moderator' })
    source = await createSource(t.db)
    // Seven revisions of each page, made while the server runs: it reads the same database. The
    // flow page's first, so the test page's newest revisions stay as near the top of the feeds.
    for (const into of [{ title: FLOW_TITLE, slug: FLOW_SLUG, made: flowMade }, { title: TITLE, slug: SLUG, made }]) {
      await save(trusted, body('375,000'), 'First version', into)
      for (let i = 1; i <= 5; i++) await save(trusted, body(`${375 + i},000`), `Update ${'abcde'[i - 1]}`, into)
      await save(trusted, body('400,000', p(text('A closing paragraph.'))), '<script>alert("x")</script> ]]> & the ending', into)
    }
  })

  it('lists revisions newest first, pages through them by keyset, and marks current and stable', async () => {
    const first = await page(`/pages/${SLUG}/history?limit=3`)
    expect(ids(first)).toEqual([...made].reverse().slice(0, 3))
    const older = decode(/href="([^"]*before=[^"]*)"[^>]*rel="next"|rel="next"[^>]*href="([^"]*)"/.exec(first)?.slice(1).find(Boolean) ?? '')
    expect(older).toContain(`before=${made[made.length - 3]}`)
    expect(older).toContain('limit=3')
    const second = await page(`/pages/${SLUG}/history${older.slice(older.indexOf('?'))}`)
    expect(ids(second)).toEqual([...made].reverse().slice(3, 6))
    expect(second).toContain('Newest revisions')
    const third = await page(`/pages/${SLUG}/history?limit=3&before=${made[1]}`)
    expect(ids(third)).toEqual([made[0]])
    expect(third).not.toContain('rel="next"')
    // The newest row is current and stable; sizes changed with signs, the first is a new page.
    expect(first).toMatch(/status--approved">Approved<\/span><span class="marker">current<\/span><span class="marker">stable<\/span>/)
    expect(first).toMatch(/size-delta--up[^"]*">\+\d+/)
    expect(third).toContain('new page')
    // Compare form: GET to the diff URL, with the two newest revisions chosen.
    expect(first).toContain(`<form method="get" action="/pages/${SLUG}/diff"`)
    expect(ids(first, 'from')[0]).toBe(made[made.length - 1])
    expect(first).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; &amp; the ending')
  })

  it('diffs two revisions word by word, with metadata and evidence changes, in either order', async () => {
    const [from, to] = [made[0]!, made[made.length - 1]!]
    for (const query of [`from=${from}&to=${to}`, `from=${to}&to=${from}`]) {
      const response = await get(`/pages/${SLUG}/diff?${query}`)
      expect(response.status).toBe(200)
      const body = await html(response)
      expect(body).toContain('<del><span class="visually-hidden">removed: </span>375<span class="visually-hidden"> (end of removal)</span></del>')
      expect(body).toContain('<ins><span class="visually-hidden">added: </span>400<span class="visually-hidden"> (end of addition)</span></ins>')
      expect(body).toContain('<div class="diff-block diff-block--added"><span class="diff-badge diff-badge--added">Added</span><p><ins>A closing paragraph.</ins></p></div>')
      expect(body).toContain('Evidence changes')
      expect(body).toContain('Figures changed')
      // The figure's source, by title, links to the source registry.
      expect(body).toContain(`href="/sources/${source.id}"`)
      expect(body).toMatch(/Value<span class="changed-mark"> \(Changed\)<\/span>/)
      expect(body).toContain('The title, summary and subjects did not change.')
    }
  })

  it('lists the figures and citations added, removed and changed, with value, source and as-of', async () => {
    const [registry, agency, ministry] = await Promise.all([createSource(t.db), createSource(t.db), createSource(t.db)])
    for (const [s, title] of [[registry, 'Registry of State messengers'], [agency, 'Agency yearly report'], [ministry, 'Ministry circular']] as const) {
      await t.db.updateTable('sources').set({ title }).where('id', '=', s.id).execute()
    }
    const cite = (sourceId: string, quote: string | null, locator: string | null): DocNode => ({ type: 'citation', attrs: { sourceId, quote, locator } })
    const before = doc(
      p(text('Tchap has '), figure('375,000', { sourceId: registry.id, quote: 'Tchap has 375,000 users', asOf: '2023', metric: 'users' }), text(' users.'), cite(registry.id, null, null)),
      p(text('It serves '), figure('40', { sourceId: registry.id, quote: '40 ministries use Tchap', asOf: '2023', metric: 'ministries' }), text(' ministries.')),
      p(text('Agencies: '), figure('5,000', { sourceId: ministry.id, quote: 'used by 5,000 agencies', asOf: '2022', metric: 'agencies' }), text('.'), cite(ministry.id, 'circular of 2022', 'p. 3')),
    )
    const after = doc(
      // Same number, new source and date; the ministries figure removed, a new one added; the agencies figure updated.
      p(text('Tchap has '), figure('375,000', { sourceId: agency.id, quote: 'Tchap has 375,000 users', asOf: '2024-06', metric: 'users' }), text(' users.'), cite(agency.id, null, null)),
      p(text('It runs on '), figure('12', { sourceId: agency.id, quote: 'hosted in 12 data centres', asOf: '2024', metric: 'data centres' }), text(' data centres.')),
      p(text('Agencies: '), figure('6,000', { sourceId: ministry.id, quote: 'used by 6,000 agencies', asOf: '2022', metric: 'agencies' }), text('.'), cite(ministry.id, 'circular of 2024', 'p. 7')),
    )
    const first = await createPage(t.db, trusted, { title: 'Evidence diff page', body: before, summary: 'first' })
    const second = await createRevision(t.db, trusted, first.page.slug, { base: first.revision.id, title: 'Evidence diff page', body: after, summary: 'second' })

    const view = await page(`/pages/${first.page.slug}/diff?from=${first.revision.id}&to=${second.revision.id}`)
    const group = (id: string) => new RegExp(`<section aria-labelledby="${id}">([^]*?)</section>`).exec(view)?.[1] ?? ''
    const items = (id: string) => group(id).split('<li>').slice(1)
    const changedFields = (item: string) => [...item.matchAll(/<dt class="changed-field">([^<]+)<span class="changed-mark">/g)].map((m) => m[1])

    expect(items('ev-fig-added')).toHaveLength(1)
    expect(group('ev-fig-added')).toContain('<dd>12</dd>')
    expect(group('ev-fig-added')).toContain('Agency yearly report')
    expect(items('ev-fig-removed')).toHaveLength(1)
    expect(group('ev-fig-removed')).toContain('<dd>40</dd>')
    expect(group('ev-fig-removed')).toContain('Registry of State messengers')

    const figuresChanged = items('ev-fig-changed')
    expect(figuresChanged).toHaveLength(2)
    const moved = figuresChanged.find((i) => i.includes('375,000'))!
    // The value stayed; the source and the as-of date changed, each shown before and after.
    expect(changedFields(moved)).toEqual(['Source', 'As of', 'Source', 'As of'])
    expect(moved).toMatch(/Registry of State messengers[^]*Agency yearly report/)
    expect(moved).toMatch(/<time dateTime="2023">2023<\/time>[^]*<time dateTime="2024-06">[^<]+<\/time>/)
    const updated = figuresChanged.find((i) => i.includes('6,000'))!
    expect(changedFields(updated)).toEqual(['Value', 'Quoted passage', 'Value', 'Quoted passage'])
    expect(updated).toMatch(/5,000[^]*6,000/)

    expect(items('ev-cite-added')).toHaveLength(1)
    expect(group('ev-cite-added')).toContain('Agency yearly report')
    expect(items('ev-cite-removed')).toHaveLength(1)
    expect(group('ev-cite-removed')).toContain('Registry of State messengers')
    const citationChanged = items('ev-cite-changed')
    expect(citationChanged).toHaveLength(1)
    expect(citationChanged[0]).toMatch(/Ministry circular[^]*circular of 2022[^]*p\. 3[^]*circular of 2024[^]*p\. 7/)
  })

  it('diffs a revision against the one it followed when only `to` is given', async () => {
    const view = await page(`/pages/${SLUG}/diff?to=${made[1]}`)
    expect(view).toMatch(/<del>[^]*375[^]*<\/del><ins>[^]*376[^]*<\/ins>/)
    const created = await page(`/pages/${SLUG}/diff?to=${made[0]}`)
    expect(created).toContain('The page did not exist before this revision.')
  })

  it('answers bad, unknown and foreign revision ids with a 404 page in the UI language, and no ids with 400', async () => {
    const other = (await getPageBySlug(t.db, 'zoom-vs-visio'))!.latestRevisionId
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      [`/pages/${SLUG}/diff?from=${made[0]}&to=not-an-id`, {}, /Page not found/],
      [`/pages/${SLUG}/diff?from=${made[0]}&to=${'0'.repeat(26)}`, { 'accept-language': 'de' }, /Seite nicht gefunden/],
      [`/pages/${SLUG}/diff?from=${other}&to=${made[0]}`, { 'accept-language': 'fr' }, /Page introuvable/],
      [`/pages/no-such-page/diff?to=${made[0]}`, {}, /Page not found/],
      [`/pages/${SLUG}/revisions/${other}`, { 'accept-language': 'de' }, /Diese Version der Seite gibt es nicht/],
      [`/pages/${SLUG}/revisions/nope`, {}, /There is no such revision of this page/],
      [`/pages/${SLUG}/revisions/${other}/x`, {}, /Page not found/],
    ]
    for (const [path, headers, expected] of cases) {
      const response = await get(path, { headers })
      expect(response.status, path).toBe(404)
      expect(await html(response), path).toMatch(expected)
    }
    const missing = await get(`/pages/${SLUG}/diff`)
    expect(missing.status).toBe(400)
    expect(await html(missing)).toMatch(/\?from=…&amp;to=…/)
  })

  it('shows a permalink with its status, author, neighbours and a link to the diff against the stable revision', async () => {
    const view = await page(`/pages/${SLUG}/revisions/${made[2]}`)
    expect(view).toContain('<h1 id="page-title">History test page</h1>')
    expect(view).toContain('377,000')
    expect(view).toMatch(linkTo(`/users/${trusted.username}`))
    expect(view).toMatch(linkTo(`/pages/${SLUG}/revisions/${made[1]}`, 'prev'))
    expect(view).toMatch(linkTo(`/pages/${SLUG}/revisions/${made[3]}`, 'next'))
    expect(view).toMatch(linkTo(`/pages/${SLUG}/diff?from=${made[made.length - 1]}&to=${made[2]}`))
    expect(view).toContain('Sign in to revert to this revision.')
    // Anonymous permalinks carry no per-response value, so they can be cached.
    const etag = (await get(`/pages/${SLUG}/revisions/${made[2]}`)).headers.get('etag')
    expect((await get(`/pages/${SLUG}/revisions/${made[2]}`, { headers: { 'if-none-match': etag! } })).status).toBe(304)
  })

  // One flow on the flow page: an editor's pending revert, a vandal's edits on top of it, the
  // moderator's rollback of them, then the contributions and recent changes that show them.
  it('reverts, rolls back a vandal’s edits, and shows them in the contributions and the filtered recent changes', async () => {
    {
      // Reverts to an old revision by saving a NEW revision with its content, pending review for an editor.
      const cookie = await login(server.url, editor.username)
      const path = `/pages/${FLOW_SLUG}/revisions/${flowMade[0]}`
      const form = await page(path, { cookie })
      const key = hiddenField(form, 'idempotencyKey')
      const base = hiddenField(form, 'baseRevisionId')
      expect(key).toBeTruthy()
      expect(base).toBe(flowMade[flowMade.length - 1])
      const fields = { intent: 'revert', baseRevisionId: base!, idempotencyKey: key! }
      const response = await postForm(server, path, fields, { cookie })
      expect(response.status).toBe(302)
      const location = response.headers.get('location')!
      const newId = /revisions\/([0-9a-z]{26})\?saved/.exec(location)?.[1]
      expect(newId).toBeTruthy()
      const [reverted, old] = [await getRevision(t.db, newId!), await getRevision(t.db, flowMade[0]!)]
      expect(reverted!.content).toEqual(old!.content)
      expect(reverted).toMatchObject({ status: 'pending', restoresRevisionId: flowMade[0], summary: expect.stringMatching(new RegExp(`^Revert to the revision of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC by \\S+ \\(#${flowMade[0]!.slice(-6)}\\)$`)), authorId: editor.id, parentId: flowMade[flowMade.length - 1] })
      // A resubmitted form creates nothing new.
      const again = await postForm(server, path, fields, { cookie })
      expect(again.headers.get('location')).toBe(location)
      const saved = await page(location, { cookie })
      expect(saved).toContain('Your revert is saved as a new revision and waits for review.')
      const history = await page(`/pages/${FLOW_SLUG}/history`, { cookie })
      expect(ids(history)[0]).toBe(newId)
      expect(history).toMatch(new RegExp(`Restores the revision of ${linkTo(`/pages/${FLOW_SLUG}/revisions/${flowMade[0]}`).source}[^<]+ by [^<]+ \\(#${flowMade[0]!.slice(-6)}\\)</a>`))
      expect(history).toMatch(/status--pending">Pending review<\/span><span class="marker">current<\/span>/)
      flowMade.push(newId!)
      // The new head has the old content: reverting to it again is refused as already current.
      const current = await page(`/pages/${FLOW_SLUG}/revisions/${flowMade[0]}`, { cookie })
      expect(current).toContain('nothing to revert')
    }
    {
      // Lets a moderator roll back all consecutive edits of the last author, published at once; editors get 403.
      // The vandal edits twice on top of the editor's pending revert.
      await save(vandal, body('9,999,999'), 'vandalism a', { title: FLOW_TITLE, slug: FLOW_SLUG, made: flowMade })
      await save(vandal, body('9,999,999', p(text('Buy now!'))), 'vandalism b', { title: FLOW_TITLE, slug: FLOW_SLUG, made: flowMade })
      const restored = flowMade[flowMade.length - 3]!
      const modCookie = await login(server.url, moderator.username)
      const historyPage = await page(`/pages/${FLOW_SLUG}/history`, { cookie: modCookie })
      expect(historyPage).toContain(`Roll back all consecutive edits of ${vandal.username}`)
      expect(historyPage).toContain(`The latest 2 edits in a row are by ${vandal.username}.`)
      const fields = { intent: 'rollback', latestRevisionId: hiddenField(historyPage, 'latestRevisionId')!, idempotencyKey: hiddenField(historyPage, 'idempotencyKey')!, reason: 'Vandalism' }

      const editorCookie = await login(server.url, editor.username)
      expect((await postForm(server, `/pages/${FLOW_SLUG}/history`, fields, { cookie: editorCookie })).status).toBe(403)
      expect((await postForm(server, `/pages/${FLOW_SLUG}/history`, { ...fields, latestRevisionId: flowMade[0]!, idempotencyKey: 'stale' }, { cookie: modCookie })).status).toBe(409)
      expect((await postForm(server, `/pages/${FLOW_SLUG}/history`, { ...fields, reason: ' ', idempotencyKey: 'no-reason' }, { cookie: modCookie })).status).toBe(422)

      const response = await postForm(server, `/pages/${FLOW_SLUG}/history`, fields, { cookie: modCookie })
      expect(response.status).toBe(200)
      expect(await html(response)).toContain('Rolled back: the restored content is published as a new revision.')
      const heads = (await getPageBySlug(t.db, FLOW_SLUG))!
      const rollback = (await getRevision(t.db, heads.latestRevisionId))!
      expect(heads.stableRevisionId).toBe(rollback.id)
      expect(rollback).toMatchObject({ status: 'approved', authorId: moderator.id, restoresRevisionId: restored, parentId: flowMade[flowMade.length - 1] })
      expect(rollback.content).toEqual((await getRevision(t.db, restored))!.content)
      // The undone edits stay in the history; pending ones can no longer be decided.
      for (const id of flowMade.slice(-3)) expect((await getRevision(t.db, id))!.status).toBe('superseded')
      const log = await t.db.selectFrom('moderation_log').select(['action', 'reason', 'revision_id', 'detail']).where('action', '=', 'revision.rollback').execute()
      expect(log).toHaveLength(1)
      expect(log[0]).toMatchObject({ reason: 'Vandalism', revision_id: rollback.id })
      expect(JSON.parse(log[0]!.detail!)).toMatchObject({ restored, rolledBack: flowMade.slice(-2).reverse() })
      // The same form again rolls back nothing more.
      expect((await postForm(server, `/pages/${FLOW_SLUG}/history`, fields, { cookie: modCookie })).status).toBe(200)
      expect((await getPageBySlug(t.db, FLOW_SLUG))!.latestRevisionId).toBe(rollback.id)
      flowMade.push(rollback.id)
    }
    {
      // Shows a user’s contributions newest first, paged, and 404 for an unknown user.
      const view = await page(`/users/${vandal.username}`)
      expect(view).toContain(`Contributions of ${vandal.username}`)
      expect(view).toContain('Editor')
      expect(view.indexOf('vandalism b')).toBeLessThan(view.indexOf('vandalism a'))
      expect(view).toContain('Superseded')
      const paged = await page(`/users/${trusted.username}?limit=2`)
      expect(paged.match(/<tr>/g)).toHaveLength(3)
      expect(paged).toContain('rel="next"')
      const missing = await get('/users/nobody-at-all', { headers: { 'accept-language': 'fr' } })
      expect(missing.status).toBe(404)
      expect(await html(missing)).toContain('Il n’y a pas de compte « nobody-at-all ».')
    }
    {
      // Filters recent changes by page, user and status, each row linking to its diff.
      const byUser = await page(`/recent-changes?user=${vandal.username}`)
      expect(byUser).toContain('vandalism a')
      expect(byUser).not.toContain('Update a')
      expect(byUser).toMatch(linkTo(`/pages/${FLOW_SLUG}/diff?from=${flowMade[flowMade.length - 4]}&to=${flowMade[flowMade.length - 3]}`))
      const byStatus = await page(`/recent-changes?status=superseded&page=${FLOW_SLUG}`)
      expect(byStatus.match(/status--superseded"/g)).toHaveLength(3)
      const byPage = await page(`/recent-changes?page=${FLOW_SLUG}&limit=100`)
      expect(byPage.match(/<tr>/g)).toHaveLength(flowMade.length + 1)
      const unknown = await page('/recent-changes?user=nobody-at-all')
      expect(unknown).toContain('There is no user called “nobody-at-all”.')
      expect(unknown).toContain('No edit matches these filters.')
      const all = await page('/recent-changes')
      expect(all).toContain('zoom-vs-visio')
    }
  })

  it('refuses a revert to readers', async () => {
    const path = `/pages/${SLUG}/revisions/${made[1]}`
    expect((await postForm(server, path, { intent: 'revert', baseRevisionId: made[made.length - 1]!, idempotencyKey: 'anon' })).status).toBe(401)
  })

  /** A GET with a Host header a client chose: feeds must not take their URLs from it. */
  function getWithHost(path: string, host: string): Promise<{ status: number; type: string; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path, headers: { host, 'x-forwarded-host': host } }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }))
      })
      req.on('error', reject)
    })
  }

  it.each([['/feeds/recent-changes.atom'], [`/pages/${SLUG}/history.atom`]])('serves %s as well-formed Atom with absolute URLs from ORIGIN', async (path) => {
    const response = await getWithHost(path, 'evil.example')
    expect(response.status).toBe(200)
    expect(response.type).toBe('application/atom+xml; charset=utf-8')
    expect(response.body).not.toContain('evil.example')
    const feed = parseXml(response.body)
    expect(feed.name).toBe('feed')
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom')
    const urls: string[] = [child(feed, 'id').text, ...children(feed, 'link').map((l) => l.attrs.href!)]
    const entries = children(feed, 'entry')
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) {
      urls.push(child(entry, 'id').text, child(entry, 'link').attrs.href!, child(child(entry, 'author'), 'uri').text)
      expect(child(entry, 'updated').text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
      expect(child(child(entry, 'author'), 'name').text).not.toBe('')
    }
    for (const url of urls) expect(url.startsWith(`${server.url}/`), url).toBe(true)
    const ours = entries.filter((e) => child(e, 'id').text.includes(`/pages/${SLUG}/`))
    const hostile = ours.find((e) => child(e, 'title').text.includes('<script>'))!
    expect(child(hostile, 'title').text).toBe(`${TITLE}: <script>alert("x")</script> ]]> & the ending`)
    const entryHtml = child(hostile, 'content').text
    expect(entryHtml).toContain('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; &amp; the ending</p>')
    expect(entryHtml).toContain('<ins>A closing paragraph.</ins>')
    expect(entryHtml).not.toMatch(/<script/i)
  })

  it('answers a missing page’s feed with 404 and links the feeds from the pages', async () => {
    expect((await get('/pages/no-such-page/history.atom')).status).toBe(404)
    const view = await page(`/pages/${SLUG}`)
    expect(view).toContain(`<link rel="alternate" type="application/atom+xml" href="${server.url}/pages/${SLUG}/history.atom"/>`)
    const recent = await page('/recent-changes')
    expect(recent).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" href="${server.url}/feeds/recent-changes.atom"`))
  })
})

