import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createPage, createRevision, createSource, createUser, login } from '#test/factories'
import { citation, content, doc, figure, p, text } from '#test/fixtures/docs'
import { createApiToken } from '#app/models/api-tokens.server'
import { getPageBySlug, setPageProtection } from '#app/models/pages.server'
import { listReports } from '#app/models/reports.server'
import { getRevision } from '#app/models/revisions.server'

/** The moderation loop over HTTP against the built app: queue, review, reports, log, protection, API. */
describe.each(TEST_ENGINES)('moderation over HTTP on $engine', (engine) => {
  let editor: Awaited<ReturnType<typeof createUser>>
  let trusted: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let moderator2: Awaited<ReturnType<typeof createUser>>
  const cookies: Record<string, string> = {}
  let token: string
  let source: { id: string }
  const ids = { risky: '', calm: '', german: '', stable: '' }
  let stableSlug = ''
  // The pages are saved before the server starts.
  const { t, server } = withTestApp(engine, {
    env: { DEMO_CONTENT: 'false', RATE_REPORT_IP: '3/3600', REPORTS_TO_DISPUTE: '2' },
    seed: async (t) => {
      editor = await createUser(t.db)
      trusted = await createUser(t.db, { role: 'trusted', createdAt: '2020-01-01T00:00:00.000Z' })
      moderator = await createUser(t.db, { role: 'moderator' })
      moderator2 = await createUser(t.db, { role: 'moderator' })
      source = await createSource(t.db)
      token = (await createApiToken(t.db, moderator2.id, 'test')).token
      const stable = await newPage(trusted, 'HTTP stable page', doc(p(text('Tchap had '), cited('5,000'), text(' users'), citation(source.id), text('.'))))
      ids.stable = stable.revision.id
      stableSlug = stable.page.slug
      ids.calm = (await newPage(editor, 'HTTP calm page', doc(p(text('A plain sentence.'))))).revision.id
      ids.risky = (await newPage(editor, 'HTTP risky page', doc(p(text('openDesk is the leading suite, used by 5,000 agencies.'))))).revision.id
      ids.german = (await newPage(editor, 'HTTP German page', doc(p(text('Derzeit nutzen Behörden die Plattform.'))), 'de')).revision.id
    },
  })

  const form = (path: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers },
      body: new URLSearchParams(fields),
    })
  const json = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const get = (path: string, cookie?: string, headers: Record<string, string> = {}) => fetch(server.url + path, { redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...headers } })
  const cited = (n: string) => figure(n, { sourceId: source.id, quote: `counted ${n} users`, asOf: '2025-06', metric: 'users' })
  const newPage = (actor: typeof editor, title: string, body: ReturnType<typeof doc>, lang: 'en' | 'de' = 'en') => createPage(t.db, actor, { title, body, fields: { lang }, summary: title })

  beforeAll(async () => {
    for (const user of [editor, moderator, moderator2]) cookies[user.username] = await login(server.url, user.username)
  })

  const rowOrder = (html: string) => [...html.matchAll(/data-revision="([0-9a-z]+)"/g)].map((m) => m[1])

  // The queue's counts are of every pending revision: this test has a database and server of its
  // own, so the revisions the other tests save and decide, in whatever order, are not counted.
  describe('the queue', () => {
    let editor: Awaited<ReturnType<typeof createUser>>
    let moderator: Awaited<ReturnType<typeof createUser>>
    const cookies: Record<string, string> = {}
    const ids = { risky: '', calm: '', german: '' }
    // The pages are saved before the server starts.
    const { server } = withTestApp(engine, {
      env: { DEMO_CONTENT: 'false' },
      seed: async (t) => {
        editor = await createUser(t.db)
        moderator = await createUser(t.db, { role: 'moderator' })
        const save = async (title: string, body: ReturnType<typeof doc>, lang: 'en' | 'de' = 'en') => (await createPage(t.db, editor, { title, body, fields: { lang }, summary: title })).revision.id
        ids.calm = await save('HTTP calm page', doc(p(text('A plain sentence.'))))
        ids.risky = await save('HTTP risky page', doc(p(text('openDesk is the leading suite, used by 5,000 agencies.'))))
        ids.german = await save('HTTP German page', doc(p(text('Derzeit nutzen Behörden die Plattform.'))), 'de')
      },
    })
    const get = (path: string, cookie?: string) => fetch(server.url + path, { redirect: 'manual', headers: cookie ? { cookie } : {} })
    beforeAll(async () => {
      for (const user of [editor, moderator]) cookies[user.username] = await login(server.url, user.username)
    })

    it('shows moderators the queue by risk with counts and filters, and nobody else', async () => {
      const response = await get('/moderation', cookies[moderator.username])
      expect(response.status).toBe(200)
      const html = await response.text()
      const order = rowOrder(html)
      expect(order).toEqual(expect.arrayContaining([ids.risky, ids.calm, ids.german]))
      expect(order.indexOf(ids.risky)).toBeLessThan(order.indexOf(ids.calm))
      expect(html).toContain('3 pending revisions')
      expect(html).toContain('1 with uncited figures')
      expect(html).toContain('2 with promotional language')
      expect(html).toMatch(/Uncited figure: 1/)
      // The row names the flagged words, in the content's language.
      const risky = html.slice(html.indexOf(`data-revision="${ids.risky}"`), html.indexOf('</tr>', html.indexOf(`data-revision="${ids.risky}"`)))
      expect(risky).toContain('<q lang="en">5,000</q>')
      expect(risky).toContain('<q lang="en">leading</q>')
      expect(html).toContain('<q lang="de">Derzeit</q>')

      expect(rowOrder(await (await get('/moderation?finding=marketing', cookies[moderator.username])).text()).sort()).toEqual([ids.risky, ids.german].sort())
      expect(rowOrder(await (await get('/moderation?lang=de', cookies[moderator.username])).text())).toEqual([ids.german])
      expect(rowOrder(await (await get('/moderation?page=http-calm-page', cookies[moderator.username])).text())).toEqual([ids.calm])
      expect(rowOrder(await (await get('/moderation?age=older', cookies[moderator.username])).text())).toEqual([])

      const anonymous = await get('/moderation?lang=de')
      expect(anonymous.status).toBe(401)
      // The way on for someone not signed in: sign in and come back to the same view.
      expect(await anonymous.text()).toContain(`href="/login?redirectTo=${encodeURIComponent('/moderation?lang=de')}">Log in</a></div>`)
      const forbidden = await get('/moderation', cookies[editor.username])
      expect(forbidden.status).toBe(403)
      expect(await forbidden.text()).not.toContain('/login?redirectTo=')
      expect((await get(`/moderation/revisions/${ids.risky}`, cookies[editor.username])).status).toBe(403)
    })
  })

  it('shows signed-in editors the latest revision under a “changes pending review” banner linking to the diff; readers the stable one', async () => {
    const start = await newPage(trusted, 'HTTP banner page', doc(p(text('The approved sentence.'))))
    const slug = start.page.slug
    const pending = await createRevision(t.db, editor, slug, { base: start.revision.id, title: 'HTTP banner page', body: doc(p(text('The unreviewed sentence.'))), summary: 'edit', status: 'pending' })
    const colleague = await createUser(t.db)
    const cookie = await login(server.url, colleague.username)

    const anonymous = await (await get(`/pages/${slug}`)).text()
    expect(anonymous).toContain('The approved sentence.')
    expect(anonymous).not.toContain('The unreviewed sentence.')
    expect(anonymous).not.toContain('Changes pending review')
    // Any signed-in editor, not only the author.
    const signedIn = await (await get(`/pages/${slug}`, cookie)).text()
    expect(signedIn).toContain('The unreviewed sentence.')
    expect(signedIn).toMatch(/<div class="banner banner--pending" role="status"><p>Changes pending review: /)
    expect(signedIn).toContain(`href="/pages/${slug}/diff?from=${start.revision.id}&amp;to=${pending.revision.id}"`)
    const german = await (await get(`/pages/${slug}`, cookie, { 'accept-language': 'de' })).text()
    expect(german).toContain('Änderungen warten auf Prüfung')

    // Once rejected, the change is no longer what editors see, and the banner goes.
    const rejected = await form(`/moderation/revisions/${pending.revision.id}`, { intent: 'reject', reason: 'Not an improvement.' }, cookies[moderator.username])
    expect(rejected.status).toBe(200)
    const after = await (await get(`/pages/${slug}`, cookie)).text()
    expect(after).toContain('The approved sentence.')
    expect(after).not.toContain('banner--pending')

    // A new page whose only revision was rejected says so, instead of "pending review".
    const lone = await newPage(editor, 'HTTP rejected new page', doc(p(text('Nobody approved this.'))))
    expect((await form(`/moderation/revisions/${lone.revision.id}`, { intent: 'reject', reason: 'Off topic.' }, cookies[moderator.username])).status).toBe(200)
    const loneHtml = await (await get(`/pages/${lone.page.slug}`, cookie)).text()
    expect(loneHtml).toContain('You are viewing a revision a moderator rejected')
    expect(loneHtml).not.toContain('Changes pending review')
    expect((await get(`/pages/${lone.page.slug}`)).status).toBe(404)
  })

  it('shows the review page with every finding in place', async () => {
    const html = await (await get(`/moderation/revisions/${ids.risky}`, cookies[moderator.username])).text()
    expect(html).toMatch(/<mark class="hl-marketing" title="marketing language, peacock term: Say what it does, with a source, instead of &#39;leading&#39;.">leading<span class="visually-hidden">/)
    expect(html).toContain('<mark class="hl-uncited" title="claim without evidence">5,000')
    expect(html).toContain('Claim without evidence')
    expect(html).toContain('Marketing language')
    // A new page has no stable revision to compare with: the whole revision is the change.
    expect(html).not.toContain('id="changes-heading"')
  })

  it('shows the diff against the stable revision with the findings marked inside the changes', async () => {
    const start = await newPage(trusted, 'HTTP diff review page', doc(p(text('openDesk is an office suite.')), p(text('It is published under the MPL.'))))
    const added = await createSource(t.db, { url: 'https://gone.example.org/licence' })
    await t.db.updateTable('sources').set({ link_status: 'dead', link_http_status: 404, link_checked_at: '2026-11-01T00:00:00.000Z' }).where('id', '=', added.id).execute()
    const edited = await createRevision(t.db, editor, start.page.slug, {
      base: start.revision.id, title: 'HTTP diff review page', summary: 'adoption',
      body: doc(p(text('openDesk is the leading office suite, used by 5,000 agencies.')), p(text('It is published under the MPL.'), citation(added.id))),
    })
    const html = await (await get(`/moderation/revisions/${edited.revision.id}`, cookies[moderator.username])).text()
    const diff = html.slice(html.indexOf('id="changes-heading"'), html.indexOf('id="body-heading"'))
    expect(diff).toContain('What changed in the text since the approved revision')
    expect(diff).toMatch(/<ins><span class="visually-hidden">added: <\/span><mark class="hl-marketing" title="[^"]*">leading<span class="visually-hidden">/)
    expect(diff).toMatch(/<mark class="hl-uncited" title="claim without evidence">5,000<span class="visually-hidden"> \(claim without evidence\)<\/span><\/mark>/)
    expect(diff).toContain('<del><span class="visually-hidden">removed: </span>an')
    // The sources it adds, with kind and link status, and its author's record.
    const sources = html.slice(html.indexOf('id="sources-heading"'), html.indexOf('id="author-heading"'))
    expect(sources).toContain(`href="${added.url}"`)
    expect(sources).toContain('Press')
    expect(sources).toMatch(/class="link-status link-status--dead">Dead link/)
    const record = html.slice(html.indexOf('id="author-heading"'))
    expect(record).toContain(editor.username)
    expect(record).toMatch(/Approved revisions<\/dt><dd>\d+<\/dd>/)
    expect(record).toMatch(/Pending revisions<\/dt><dd>\d+<\/dd>/)
    // The German page says the same in German.
    const german = await (await get(`/moderation/revisions/${edited.revision.id}`, cookies[moderator.username], { 'accept-language': 'de' })).text()
    expect(german).toContain('Was sich am Text seit der freigegebenen Version geändert hat')
  })

  it('refuses to approve while a figure is uncited, with the list, in the form and in the API', async () => {
    // Said before the moderator tries, beside the button.
    const review = await (await get(`/moderation/revisions/${ids.risky}`, cookies[moderator.username])).text()
    expect(review).toContain('Approval will be refused while 1 figure is uncited')
    expect(review).toMatch(/<button type="submit" class="primary" aria-describedby="approve-blocked">/)
    const response = await form(`/moderation/revisions/${ids.risky}`, { intent: 'approve', reason: '' }, cookies[moderator.username])
    expect(response.status).toBe(409)
    const html = await response.text()
    expect(html).toContain('Cannot approve: 1 figure has no evidence')
    expect(html).toMatch(/<ul class="uncited-list"><li>5,000<\/li><\/ul>/)

    const api = await json(`/api/v1/revisions/${ids.risky}/review`, { decision: 'approve', reason: 'ok' }, { authorization: `Bearer ${token}` })
    expect(api.status).toBe(409)
    expect(await api.json()).toMatchObject({ error: { code: 'uncited_figures' }, uncitedFigures: [{ text: '5,000' }] })
    expect((await getRevision(t.db, ids.risky))?.status).toBe('pending')
  })

  // One flow: a moderator's decisions and a reader's reports on the stable page, resolved, then
  // the public log that shows every one of them.
  it('rejects and approves revisions, takes and resolves reader reports, and shows every decision in the public log', async () => {
    {
      // Needs a public reason to reject (422), then rejects and logs it.
      const refused = await form(`/moderation/revisions/${ids.german}`, { intent: 'reject', reason: '  ' }, cookies[moderator.username])
      expect(refused.status).toBe(422)
      expect(await refused.text()).toContain('Give a public reason for rejecting the revision.')
      const api = await json(`/api/v1/revisions/${ids.german}/review`, { decision: 'reject' }, { authorization: `Bearer ${token}` })
      expect(api.status).toBe(422)
      expect(await api.json()).toMatchObject({ error: { code: 'reason_required' } })
      const bad = await json(`/api/v1/revisions/${ids.german}/review`, { decision: 'maybe' }, { authorization: `Bearer ${token}` })
      expect(bad.status).toBe(422)

      const done = await form(`/moderation/revisions/${ids.german}`, { intent: 'reject', reason: 'Time-relative wording without a date.' }, cookies[moderator.username])
      expect(done.status).toBe(200)
      expect(await done.text()).toContain('Rejected. The reason is in the moderation log.')
      expect((await getRevision(t.db, ids.german))?.status).toBe('rejected')
    }
    {
      // Answers the API with 401, 403 and 404 where it must.
      expect((await json(`/api/v1/revisions/${ids.calm}/review`, { decision: 'approve' }, {})).status).toBe(401)
      const editorToken = (await createApiToken(t.db, editor.id, 'e')).token
      expect((await json(`/api/v1/revisions/${ids.calm}/review`, { decision: 'approve' }, { authorization: `Bearer ${editorToken}` })).status).toBe(403)
      expect((await json('/api/v1/revisions/01aaaaaaaaaaaaaaaaaaaaaaaa/review', { decision: 'approve' }, { authorization: `Bearer ${token}` })).status).toBe(404)
      // A browser session works too, with the Origin check.
      const viaSession = await json(`/api/v1/revisions/${ids.calm}/review`, { decision: 'approve', reason: 'Plain and fine.' }, { cookie: cookies[moderator.username]!, origin: server.url })
      expect(viaSession.status).toBe(200)
      expect(await viaSession.json()).toMatchObject({ revision: { id: ids.calm, status: 'approved' }, page: { slug: 'http-calm-page' } })
    }
    {
      // Takes reader reports, collapses duplicates, rate-limits, and marks the figure disputed for anonymous readers.
      const before = await get(`/pages/${stableSlug}`)
      const etagBefore = before.headers.get('etag')
      expect(await before.text()).not.toContain('data-disputed')
      const fields = { revisionId: ids.stable, target: 'figure', ordinal: '0', reason: 'outdated', comment: 'There are newer figures.' }
      const first = await form(`/pages/${stableSlug}/report`, fields, undefined, { 'x-forwarded-for': 'ignored' })
      expect(first.status).toBe(200)
      expect(await first.text()).toContain('Thank you. A moderator will look at your report')
      const again = await form(`/pages/${stableSlug}/report`, fields)
      expect(again.status).toBe(200)
      expect(await again.text()).toContain('already reported for the same reason')
      const invalid = await form(`/pages/${stableSlug}/report`, { ...fields, reason: '' })
      expect(invalid.status).toBe(422)
      expect(await invalid.text()).toContain('There are newer figures.')
      const signedIn = await form(`/pages/${stableSlug}/report`, { ...fields, reason: 'dead-link' }, cookies[editor.username])
      expect(signedIn.status).toBe(200)
      const open = await listReports(t.db, { status: 'open', pageSlug: stableSlug, limit: 10 })
      // The same anonymous address twice is one reporter.
      expect(open.map((r) => [r.reason, r.reporterCount]).sort()).toEqual([['dead-link', 1], ['outdated', 1]])

      // Anonymous: 3 per address per hour in this server; two were counted so far (the 422 was not).
      expect((await form(`/pages/${stableSlug}/report`, { ...fields, reason: 'unsupported' })).status).toBe(200)
      const limited = await form(`/pages/${stableSlug}/report`, { ...fields, reason: 'self-reported' })
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)

      // Two distinct reporters (the anonymous address, counted once, and the editor) reach
      // REPORTS_TO_DISPUTE here.
      const after = await get(`/pages/${stableSlug}`)
      const html = await after.text()
      expect(html).toMatch(/<button type="button" class="fig" id="fig-0" data-disputed="true"/)
      expect(html).toContain('Disputed: readers reported it; a moderator will decide.')
      expect(after.headers.get('etag')).not.toBe(etagBefore)
    }
    {
      // Resolves reports with a public note, which goes to the log; the upheld one keeps the figure marked.
      const list = await get('/moderation/reports', cookies[moderator.username])
      expect(list.status).toBe(200)
      const html = await list.text()
      expect(html).toContain('There are newer figures.')
      expect((await get('/moderation/reports', cookies[editor.username])).status).toBe(403)
      const open = await listReports(t.db, { status: 'open', pageSlug: stableSlug, limit: 10 })
      const noNote = await form('/moderation/reports', { reportId: open[0]!.id, resolution: 'dismissed', note: '' }, cookies[moderator.username])
      expect(noNote.status).toBe(422)
      for (const r of open) {
        const response = await form('/moderation/reports', { reportId: r.id, resolution: r.reason === 'dead-link' ? 'upheld' : 'dismissed', note: `Checked: ${r.reason}` }, cookies[moderator.username])
        expect(response.status).toBe(200)
      }
      const twice = await form('/moderation/reports', { reportId: open[0]!.id, resolution: 'upheld', note: 'again' }, cookies[moderator2.username])
      expect(twice.status).toBe(409)
      const page = await (await get(`/pages/${stableSlug}`)).text()
      expect(page).toMatch(/id="fig-0" data-disputed="true"/)
      expect(page).toContain('Disputed: a moderator upheld a report on it; marked until an edit corrects it.')
      const resolved = await (await get('/moderation/reports?status=resolved', cookies[moderator.username])).text()
      expect(resolved).toContain('Checked: outdated')
      expect(resolved).toContain('Readers see it as disputed until an edit corrects it.')
    }
    {
      // Shows every decision in the public log, filterable and paginated.
      const response = await get('/moderation/log')
      expect(response.status).toBe(200)
      const html = await response.text()
      for (const text of ['Revision approved', 'Revision rejected', 'Report dismissed', 'Report upheld', 'Time-relative wording without a date.', 'Checked: outdated']) expect(html).toContain(text)
      const dismissed = await (await get('/moderation/log?action=report.dismissed')).text()
      expect([...dismissed.matchAll(/data-action="([^"]+)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['report.dismissed']))
      expect(dismissed).not.toContain('data-action="revision.reject"')
      const byModerator = await (await get(`/moderation/log?moderator=${moderator.username.toUpperCase()}`)).text()
      expect(byModerator).toContain('Time-relative wording without a date.')
      expect(await (await get(`/moderation/log?moderator=${editor.username}`)).text()).toContain('No entry matches.')
      // Keyset pagination: entries older than a given one.
      const entries = [...html.matchAll(/data-entry="([0-9a-z]+)"/g)].map((m) => m[1]!)
      expect(entries.length).toBeGreaterThan(3)
      const older = [...(await (await get(`/moderation/log?before=${entries[1]}`)).text()).matchAll(/data-entry="([0-9a-z]+)"/g)].map((m) => m[1])
      expect(older).toEqual(entries.slice(2))
      const page = await (await get(`/moderation/log?page=${stableSlug}`)).text()
      expect(page).toContain('Checked: dead-link')
      expect(page).not.toContain('Time-relative wording')
    }
  })

  it('lets exactly one of two moderators decide at once; the other gets 409', async () => {
    const race = await newPage(editor, 'HTTP race page', doc(p(text('Tchap had '), cited('9'), text(' users.'))))
    const [a, b] = await Promise.all([
      json(`/api/v1/revisions/${race.revision.id}/review`, { decision: 'approve', reason: 'first' }, { cookie: cookies[moderator.username]!, origin: server.url }),
      json(`/api/v1/revisions/${race.revision.id}/review`, { decision: 'reject', reason: 'second' }, { authorization: `Bearer ${token}` }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    expect(await loser.json()).toMatchObject({ error: { code: 'not_pending' } })
    const race2 = await newPage(editor, 'HTTP race page two', doc(p(text('Tchap had '), cited('11'), text(' users.'))))
    const forms = await Promise.all([
      form(`/moderation/revisions/${race2.revision.id}`, { intent: 'approve', reason: '' }, cookies[moderator.username]),
      form(`/moderation/revisions/${race2.revision.id}`, { intent: 'approve', reason: '' }, cookies[moderator2.username]),
    ])
    expect(forms.map((r) => r.status).sort()).toEqual([200, 409])
    expect(await forms.find((r) => r.status === 409)!.text()).toContain('Another moderator decided this revision first; nothing was changed.')
  })

  it('lets a moderator protect a page, which blocks an editor’s save with 403 until it expires', async () => {
    const slug = (await newPage(trusted, 'HTTP protected page', doc(p(text('Tchap had '), cited('5,000'), text(' users'), citation(source.id), text('.'))))).page.slug
    const page = (await getPageBySlug(t.db, slug))!
    const save = () =>
      json(`/api/v1/pages/${slug}/revisions`, { baseRevisionId: page.latestRevisionId, summary: 'try', content: content(doc(p(text('Edited.'))), { title: 'HTTP protected page' }) }, { cookie: cookies[editor.username]!, origin: server.url })

    expect((await get(`/moderation/pages/${slug}/protect`, cookies[editor.username])).status).toBe(403)
    const invalid = await form(`/moderation/pages/${slug}/protect`, { level: 'trusted', reason: '', duration: '1w' }, cookies[moderator.username])
    expect(invalid.status).toBe(422)
    const protectedNow = await form(`/moderation/pages/${slug}/protect`, { level: 'trusted', reason: 'Edit war over the user count', duration: '1w' }, cookies[moderator.username])
    expect(protectedNow.status).toBe(200)
    expect(await protectedNow.text()).toContain('Protection saved and logged.')
    const refused = await save()
    expect(refused.status).toBe(403)

    // A week later: the protection has expired and holds no more.
    await setPageProtection(t.db, page.id, { level: 'trusted', reason: 'Edit war over the user count', expiresAt: new Date(Date.now() - 60_000).toISOString() })
    expect((await save()).status).toBe(201)
    const log = await (await get(`/moderation/log?action=page.protect`)).text()
    expect(log).toContain('Edit war over the user count')
    expect(log).toContain('Trusted editors, until')
  })
})
