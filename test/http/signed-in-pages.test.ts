import { gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { newId } from '#app/models/ids.server'
import { insertNotifications } from '#app/models/notifications.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createPage, createRevision, createUser, login } from '#test/factories'
import { doc, p, text } from '#test/fixtures/docs'
import { get, postJson } from './requests'

type User = Awaited<ReturnType<typeof createUser>>

// Signed-in reads of a comparison are answered from one document per audience with each person's
// header block put in (server/signed-in-pages.ts, decision 036). What must hold whichever way a
// read is answered: each person sees their own block, fresh, and never anyone else's; people of
// different roles see their own documents; a write, a role change and a block take effect on the
// next read. Each check reads several times, so the later reads come from the kept document.
// Changes made behind the server's back reach it through the change feed (1 s promised); a test
// on a loaded machine polls with a generous bound instead of timing it.
const SETTLE = { timeout: 15_000, interval: 50 }
const READS = 3

describe.each(TEST_ENGINES)('signed-in reads of a comparison on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false', WEB_CONCURRENCY: '2' } })
  let author: User
  let ada: User
  let grace: User
  let moderator: User
  const slug = 'shared-document-page'
  beforeAll(async () => {
    author = await createUser(t.db, { role: 'trusted' })
    ada = await createUser(t.db, { role: 'trusted', username: 'ada-reader' })
    grace = await createUser(t.db, { role: 'trusted', username: 'grace-reader' })
    moderator = await createUser(t.db, { role: 'moderator', username: 'mo-reader' })
    await createPage(t.db, author, { title: 'Shared document page', body: doc(p(text('Words everyone reads.'))), summary: 'first' })
  })

  const read = async (cookie: string, headers: Record<string, string> = {}) => {
    const response = await get(server, `/pages/${slug}`, { cookie, headers })
    expect(response.status).toBe(200)
    return { html: await response.text(), response }
  }
  /** The document with the person's header block taken out: what everyone of an audience shares. */
  const shared = (html: string) => html.replace(/<div class="user-tools">[\s\S]*?<\/details><\/div>/, '<div class="user-tools"></div>')

  it('gives each person their own header block in the document of their role, and no one else\'s name', async () => {
    const [adaCookie, graceCookie, moCookie] = await Promise.all([login(server.url, ada.username), login(server.url, grace.username), login(server.url, moderator.username)])
    const pages: Record<string, string[]> = { ada: [], grace: [], mo: [] }
    for (let i = 0; i < READS; i++) {
      pages.ada!.push((await read(adaCookie)).html)
      pages.grace!.push((await read(graceCookie)).html)
      pages.mo!.push((await read(moCookie)).html)
    }
    for (const html of pages.ada!) {
      expect(html).toContain('class="user-link" href="/users/ada-reader">ada-reader</a>')
      expect(html).not.toContain('grace-reader')
      expect(html).not.toContain('mo-reader')
      expect(html).not.toContain('href="/moderation"')
      expect(html).toContain('Words everyone reads.')
    }
    for (const html of pages.grace!) expect(html).not.toContain('ada-reader')
    for (const html of pages.mo!) {
      expect(html).toContain('href="/moderation"')
      expect(html).not.toContain('ada-reader')
    }
    // Everyone of one role reads one document.
    expect(new Set([...pages.ada!, ...pages.grace!].map(shared)).size).toBe(1)
  })

  it('shows a notification that arrives without any change to the page on the next read', async () => {
    const cookie = await login(server.url, grace.username)
    for (let i = 0; i < READS; i++) expect((await read(cookie)).html).not.toContain('badge--count')
    await insertNotifications(t.db, [
      { id: newId(), userId: grace.id, kind: 'reply', subject: { kind: 'page', id: slug }, actorId: ada.id, revisionId: null, threadId: null, detail: {}, createdAt: new Date().toISOString() },
    ])
    // Read at once: the block is built for every read, so nothing waits for the feed.
    expect((await read(cookie)).html).toContain('<span class="badge badge--count">1</span>')
  })

  it('shows a new revision, a role change and a block on the next reads', async () => {
    const cookie = await login(server.url, ada.username)
    for (let i = 0; i < READS; i++) await read(cookie)
    const page = await t.db.selectFrom('pages').select('latest_revision_id').where('slug', '=', slug).executeTakeFirstOrThrow()
    await createRevision(t.db, author, slug, { base: page.latest_revision_id, title: 'Shared document page', body: doc(p(text('Words of the newer revision.'))), summary: 'second' })
    await expect.poll(async () => (await read(cookie)).html.includes('Words of the newer revision.'), SETTLE).toBe(true)

    // Behind the server's back, with nothing readers see changed: the role is read with the session.
    await t.db.updateTable('users').set({ role: 'moderator' }).where('id', '=', ada.id).execute()
    for (let i = 0; i < READS; i++) expect((await read(cookie)).html).toContain('href="/moderation"')
    await t.db.updateTable('users').set({ role: 'trusted', blocked_until: '2999-01-01T00:00:00.000Z', block_reason: 'test' }).where('id', '=', ada.id).execute()
    for (let i = 0; i < READS; i++) {
      const html = (await read(cookie)).html
      expect(html).not.toContain('href="/moderation"')
      expect(html).not.toContain(`href="/pages/${slug}/edit"`)
    }
    await t.db.updateTable('users').set({ blocked_until: null, block_reason: null }).where('id', '=', ada.id).execute()
    expect((await read(cookie)).html).toContain(`href="/pages/${slug}/edit"`)
  })

  it('renders the reads of someone who just wrote, so they see their write on any worker at once', async () => {
    const cookie = await login(server.url, ada.username)
    for (let i = 0; i < READS; i++) await read(cookie)
    const current = (await (await get(server, `/api/v1/pages/${slug}`, { cookie })).json()) as { latestRevision?: { id: string }; revision: { id: string; content: Record<string, unknown> } }
    const saved = await postJson(server, `/api/v1/pages/${slug}/revisions`, { baseRevisionId: current.latestRevision?.id ?? current.revision.id, content: { ...current.revision.content, summary: 'Summary of the saved revision.' }, summary: 'through the API' }, { cookie })
    expect(saved.status).toBe(201)
    expect(saved.headers.getSetCookie().find((c) => c.startsWith('sourced_wrote='))).toMatch(/Max-Age=3; Path=\/; HttpOnly; SameSite=Lax/)
    // A write the feed cannot have reported yet (made behind the server's back, just now) shows at
    // once to a reader who holds the cookie: their reads are rendered.
    const page = await t.db.selectFrom('pages').select('latest_revision_id').where('slug', '=', slug).executeTakeFirstOrThrow()
    await createRevision(t.db, author, slug, { base: page.latest_revision_id, title: 'Shared document page', body: doc(p(text('Words the feed has not reported.'))), summary: 'behind its back' })
    for (let i = 0; i < READS; i++) expect((await read(`${cookie}; sourced_wrote=1`)).html).toContain('Words the feed has not reported.')
  })

  it('reads as anyone else once the session has ended', async () => {
    const cookie = await login(server.url, grace.username)
    for (let i = 0; i < READS; i++) await read(cookie)
    await t.db.deleteFrom('sessions').where('user_id', '=', grace.id).execute()
    const html = (await read(cookie)).html
    expect(html).not.toContain('grace-reader')
    expect(html).toContain('href="/login?redirectTo=')
  })

  it('sends private answers, gzip when asked, and 304 to a person who holds their own', async () => {
    const cookie = await login(server.url, ada.username)
    let last = await read(cookie)
    for (let i = 0; i < READS; i++) last = await read(cookie)
    const { response, html } = last
    expect(response.headers.get('cache-control')).toBe('private, no-cache')
    expect(response.headers.get('content-security-policy')).not.toContain('nonce-')
    const etag = response.headers.get('etag')!
    expect(etag).toBeTruthy()
    const again = await get(server, `/pages/${slug}`, { cookie, headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    // Someone else's tag is not this person's page.
    const graceCookie = await login(server.url, grace.username)
    expect((await get(server, `/pages/${slug}`, { cookie: graceCookie, headers: { 'if-none-match': etag } })).status).toBe(200)
    const zipped = await fetch(`${server.url}/pages/${slug}`, { headers: { cookie, 'accept-encoding': 'gzip' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    // fetch decodes it; the raw bytes must be one valid gzip member of the same page.
    expect(await zipped.text()).toBe(html)
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ default: http }) =>
        http.get(`${server.url}/pages/${slug}`, { headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)))
        }).on('error', reject),
      )
    })
    expect(gunzipSync(raw).toString()).toBe(html)
  })
})
