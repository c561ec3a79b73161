import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { baseContent, bodyText, concurrentEdits, expectLinearHistory, type HistoryRow } from '#test/concurrent-edits'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createSource, createUser, login } from '#test/factories'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { config } from '#app/infra/config.server'
import { createApiToken } from '#app/models/api-tokens.server'
import { getPageBySlug } from '#app/models/pages.server'
import { hitLimit } from '#app/models/rate-limits.server'
import { getRevision } from '#app/models/revisions.server'
import { setUserBlock } from '#app/models/users.server'
import { requestBodies } from '#test/fixtures/api-bodies'

/** The JSON API's write side against the built app (docs/api.md): every answer, on every engine. */
describe.each(TEST_ENGINES)('the revisions API on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  const tokens: Record<'editor' | 'trusted' | 'blocked' | 'limited', string> = { editor: '', trusted: '', blocked: '', limited: '' }
  let editorName = ''
  let sourceId = ''

  beforeAll(async () => {
    for (const role of ['editor', 'trusted', 'blocked', 'limited'] as const) {
      const user = await createUser(t.db, { role: role === 'trusted' ? 'trusted' : 'editor' })
      tokens[role] = (await createApiToken(t.db, user.id, 'test')).token
      if (role === 'editor') editorName = user.username
      if (role === 'blocked') await setUserBlock(t.db, user.id, { until: '2999-01-01T00:00:00.000Z', reason: 'vandalism' })
      if (role === 'limited') for (let i = 0; i < config.limits.saveUser.max; i++) await hitLimit(t.db, `save:${user.id}`, config.limits.saveUser)
    }
    sourceId = (await createSource(t.db)).id
  })

  function post(path: string, body: unknown, options: { token?: string | null; headers?: Record<string, string> } = {}) {
    const token = options.token === undefined ? tokens.editor : options.token
    return fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  }
  const get = (path: string) => fetch(server.url + path)
  const json = async (r: Response) => (await r.json()) as Record<string, any>

  async function counts() {
    const [revisions, pages] = await Promise.all([
      t.db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      t.db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ])
    return { revisions: Number(revisions.n), pages: Number(pages.n) }
  }

  async function newPage(title: string, token = tokens.trusted) {
    const response = await post('/api/v1/pages', { content: baseContent(title), summary: 'first version' }, { token })
    expect(response.status).toBe(201)
    return (await json(response)) as { page: { slug: string; latestRevisionId: string }; revision: { id: string } }
  }

  describe('POST /api/v1/pages', () => {
    it('creates a page: 201 with the page, the revision and its findings', async () => {
      const body = content(doc(p(text('Tchap has '), figure('600,000', { sourceId, quote: 'Tchap compte 600 000 utilisateurs', asOf: '2024-05' }), text(' users and 40,000 daily ones.'))), { title: 'API created page' })
      const response = await post('/api/v1/pages', { content: body, summary: 'new comparison' })
      expect(response.status).toBe(201)
      expect(response.headers.get('location')).toBe('/api/v1/pages/api-created-page')
      const answer = await json(response)
      expect(answer).toEqual({
        page: { slug: 'api-created-page', title: 'API created page', lang: 'en', stableRevisionId: null, latestRevisionId: answer.revision.id },
        revision: { id: expect.stringMatching(/^[0-9a-z]{26}$/), status: 'pending', merged: false, findings: [expect.objectContaining({ kind: 'uncited-figure', field: 'body', text: '40,000' })] },
      })
    })

    it('publishes a trusted editor’s clean page at once', async () => {
      const created = await newPage('Trusted API page')
      const stored = await getPageBySlug(t.db, created.page.slug)
      expect(stored!.stableRevisionId).toBe(created.revision.id)
    })

    it('accepts a browser session with its Origin, and refuses it without', async () => {
      const cookie = await login(server.url, editorName)
      const body = JSON.stringify({ content: baseContent('Session made page'), summary: '' })
      const without = await fetch(server.url + '/api/v1/pages', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body })
      expect(without.status).toBe(403)
      expect(await json(without)).toMatchObject({ error: { code: 'cross_site_request' } })
      const foreign = await fetch(server.url + '/api/v1/pages', { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' }, body })
      expect(foreign.status).toBe(403)
      const ok = await fetch(server.url + '/api/v1/pages', { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.url }, body })
      expect(ok.status).toBe(201)
    })

    it('answers 409 slug_taken for a title that already has a page', async () => {
      await newPage('Taken title')
      const before = await counts()
      const response = await post('/api/v1/pages', { content: baseContent('Taken  title!'), summary: '' })
      expect(response.status).toBe(409)
      expect(await json(response)).toMatchObject({ error: { code: 'slug_taken', message: expect.stringContaining('/pages/taken-title'), details: { slug: 'taken-title' } } })
      expect(await counts()).toEqual(before)
    })

    it('answers a repeated Idempotency-Key with 200 and the same revision, also when both arrive at once', async () => {
      const body = { content: baseContent('Created once'), summary: 'retry me' }
      const [a, b] = await Promise.all([post('/api/v1/pages', body, { headers: { 'idempotency-key': 'create-once-1' } }), post('/api/v1/pages', body, { headers: { 'idempotency-key': 'create-once-1' } })])
      expect([a.status, b.status].sort()).toEqual([200, 201])
      const [x, y] = [await json(a), await json(b)]
      expect(x.revision.id).toBe(y.revision.id)
      expect([a, b].find((r) => r.status === 200)!.headers.get('idempotent-replayed')).toBe('true')
      // The key may come in the body instead, and as the IETF draft's quoted string.
      const again = await post('/api/v1/pages', { ...body, idempotencyKey: 'create-once-1' }, { headers: { 'idempotency-key': '"create-once-1"' } })
      expect(again.status).toBe(200)
      expect((await json(again)).revision.id).toBe(x.revision.id)
    })
  })

  describe('POST /api/v1/pages/:slug/revisions', () => {
    it('saves an edit: 201 with id, status and findings', async () => {
      const created = await newPage('Edited over the API')
      const edited = baseContent('Edited over the API')
      edited.body.content![2] = p(text('A world-class tool used by 3,000 agencies.'))
      const response = await post(`/api/v1/pages/${created.page.slug}/revisions`, { baseRevisionId: created.revision.id, content: edited, summary: 'more detail' })
      expect(response.status).toBe(201)
      const answer = await json(response)
      expect(answer).toEqual({ revision: { id: expect.any(String), status: 'pending', merged: false, findings: expect.any(Array) } })
      expect(answer.revision.findings.map((f: { kind: string; text: string }) => [f.kind, f.text])).toEqual(expect.arrayContaining([['uncited-figure', '3,000'], ['marketing', 'world-class']]))
      expect(response.headers.get('location')).toBe(`/pages/${created.page.slug}/revisions/${answer.revision.id}`)
    })

    it('answers an edit conflict with 409 { error, conflict } and keeps the text as a conflict revision', async () => {
      const created = await newPage('Conflicting over the API')
      const [mine, theirs] = concurrentEdits('Conflicting over the API').slice(4, 6)
      expect((await post(`/api/v1/pages/${created.page.slug}/revisions`, { baseRevisionId: created.revision.id, content: theirs!.content, summary: '' }, { token: tokens.trusted })).status).toBe(201)
      const head = (await getPageBySlug(t.db, created.page.slug))!.latestRevisionId
      const response = await post(`/api/v1/pages/${created.page.slug}/revisions`, { baseRevisionId: created.revision.id, content: mine!.content, summary: 'mine' })
      expect(response.status).toBe(409)
      const answer = await json(response)
      expect(answer).toEqual({
        error: { code: 'edit_conflict', message: expect.stringContaining('conflict revision') },
        conflict: { revisionId: expect.any(String), latestRevisionId: head, baseRevisionId: created.revision.id, fields: ['body'], blocks: [0] },
      })
      const stored = await getRevision(t.db, answer.conflict.revisionId)
      expect(stored).toMatchObject({ status: 'conflict' })
      expect(bodyText(stored!.content)).toContain(mine!.marker)
    })

    it('merges an edit of another block: 201 with merged: true', async () => {
      const created = await newPage('Merged over the API')
      const [one, two] = concurrentEdits('Merged over the API').slice(0, 2)
      await post(`/api/v1/pages/${created.page.slug}/revisions`, { baseRevisionId: created.revision.id, content: one!.content, summary: '' })
      const response = await post(`/api/v1/pages/${created.page.slug}/revisions`, { baseRevisionId: created.revision.id, content: two!.content, summary: '' })
      expect(response.status).toBe(201)
      expect((await json(response)).revision.merged).toBe(true)
    })

    it('refuses a protected page with 403 and a blocked account with 403', async () => {
      const created = await newPage('Protected over the API')
      await t.db.updateTable('pages').set({ protection: 'trusted', protection_reason: 'edit war' }).where('slug', '=', created.page.slug).execute()
      const before = await counts()
      const edit = { baseRevisionId: created.revision.id, content: baseContent('Protected over the API'), summary: '' }
      const protectedAnswer = await post(`/api/v1/pages/${created.page.slug}/revisions`, edit)
      expect(protectedAnswer.status).toBe(403)
      expect(await json(protectedAnswer)).toMatchObject({ error: { code: 'protected', message: expect.stringContaining('edit war') } })
      const blocked = await post(`/api/v1/pages/${created.page.slug}/revisions`, edit, { token: tokens.blocked })
      expect(blocked.status).toBe(403)
      expect((await json(blocked)).error.code).toMatch(/^(blocked|forbidden)$/)
      expect(await counts()).toEqual(before)
      expect((await post(`/api/v1/pages/${created.page.slug}/revisions`, edit, { token: tokens.trusted })).status).toBe(201)
    })

    it('answers 429 with Retry-After when the account saved too often', async () => {
      const created = await newPage('Rate limited over the API')
      const before = await counts()
      const response = await post(`/api/v1/pages/${created.page.slug}/revisions`, { baseRevisionId: created.revision.id, content: baseContent('Rate limited over the API'), summary: '' }, { token: tokens.limited })
      expect(response.status).toBe(429)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await json(response)).toMatchObject({ error: { code: 'rate_limited' } })
      expect(await counts()).toEqual(before)
    })

    it('answers a repeated Idempotency-Key with the same revision, also when both arrive at once', async () => {
      const created = await newPage('Idempotent edit')
      const edit = { baseRevisionId: created.revision.id, content: concurrentEdits('Idempotent edit')[0]!.content, summary: 'double click' }
      const headers = { 'idempotency-key': 'edit-once-1' }
      const answers = await Promise.all([post(`/api/v1/pages/${created.page.slug}/revisions`, edit, { headers }), post(`/api/v1/pages/${created.page.slug}/revisions`, edit, { headers })])
      expect(answers.map((r) => r.status).sort()).toEqual([200, 201])
      const ids = await Promise.all(answers.map(async (r) => (await json(r)).revision.id))
      expect(ids[0]).toBe(ids[1])
      const list = await json(await get(`/api/v1/pages/${created.page.slug}/revisions`))
      expect(list.revisions).toHaveLength(2)
      const reused = await post(`/api/v1/pages/${created.page.slug}/revisions`, { ...edit, summary: 'something else' }, { headers })
      expect(reused.status).toBe(422)
      expect((await json(reused)).error.code).toBe('idempotency_key_reused')
    })
  })

  describe('the error table: status, { error: { code, message } }, and nothing stored', () => {
    let target: { slug: string; revisionId: string; otherRevisionId: string }
    beforeAll(async () => {
      const created = await newPage('Target of bad requests')
      const other = await newPage('Another page')
      target = { slug: created.page.slug, revisionId: created.revision.id, otherRevisionId: other.revision.id }
    })

    const valid = (title = 'Target of bad requests') => baseContent(title)
    const withBody = (body: unknown) => ({ ...valid(), body })
    const deepDoc = (levels: number) => {
      let node: unknown = p(text('deep'))
      for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] }
      return { type: 'doc', content: [node] }
    }
    /** The snapshot's fields but its body, as JSON text left open for a "body" to follow. */
    const metadataJson = () => {
      const { body: _body, ...metadata } = valid()
      return JSON.stringify(metadata).slice(0, -1)
    }
    type Case = { name: string; path?: 'create' | 'edit'; body: () => unknown; headers?: Record<string, string>; token?: string | null; status: number; code: string; message?: RegExp }
    const cases: Case[] = [
      { name: 'no credentials', body: () => ({ content: valid() }), token: null, status: 401, code: 'unauthenticated' },
      { name: 'an unknown token', body: () => ({ content: valid() }), token: 'src_not-a-real-token', status: 401, code: 'unauthenticated' },
      { name: 'a body that is not JSON', body: () => 'content=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type' },
      { name: 'malformed JSON', body: () => '{"content": ', status: 400, code: 'invalid_json' },
      { name: 'JSON nested 100,000 levels', body: () => '['.repeat(100_000) + ']'.repeat(100_000), status: 422, code: 'too_deep' },
      { name: 'a body over 2 MiB', body: () => JSON.stringify({ content: withBody(doc(p(text('x'.repeat(2_200_000))))) }), status: 413, code: 'payload_too_large' },
      // A document (not bare brackets) 100,000 levels deep: refused before JSON.parse builds it.
      { name: 'a document of 100,000 nested nodes', body: () => `{"content":${metadataJson()},"body":{"type":"doc","content":[${'{"content":['.repeat(100_000)}${']}'.repeat(100_000)}]}}}`, status: 422, code: 'too_deep', message: /nested more than 32 levels/ },
      // The same with real blockquotes is over the size limit first.
      { name: 'a document of 100,000 nested blockquotes', body: () => `{"content":${metadataJson()},"body":{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(100_000)}${']}'.repeat(100_000)}]}}}`, status: 413, code: 'payload_too_large' },
      { name: 'a JSON array', body: () => [], status: 422, code: 'invalid_request' },
      { name: 'an unknown field', body: () => ({ content: valid(), tittle: 'x' }), status: 422, code: 'unknown_field', message: /tittle/ },
      { name: 'no content', body: () => ({ summary: 'x' }), status: 422, code: 'missing_field', message: /content/ },
      { name: 'a summary that is not a string', body: () => ({ content: valid(), summary: 42 }), status: 422, code: 'invalid_summary' },
      { name: 'a summary with NUL', body: () => ({ content: valid(), summary: 'a\u0000b' }), status: 422, code: 'invalid_summary', message: /control character/ },
      { name: 'a summary of 501 characters', body: () => ({ content: valid(), summary: 'x'.repeat(501) }), status: 422, code: 'invalid_summary' },
      { name: 'content that is not an object', body: () => ({ content: 'hello' }), status: 422, code: 'invalid_content' },
      { name: 'a missing title', body: () => ({ content: { ...valid(), title: undefined } }), status: 422, code: 'invalid_content', message: /content\.title/ },
      { name: 'an unknown language', body: () => ({ content: { ...valid(), lang: 'xx' } }), status: 422, code: 'invalid_content', message: /content\.lang/ },
      { name: 'an unknown node type', body: () => ({ content: withBody(doc({ type: 'script', content: [text('alert(1)')] })) }), status: 422, code: 'invalid_content', message: /Unknown node type "script"/ },
      { name: 'an unknown mark type', body: () => ({ content: withBody(doc(p(text('x', [{ type: 'underline' }])))) }), status: 422, code: 'invalid_content', message: /Unknown mark type "underline"/ },
      { name: 'a javascript: link', body: () => ({ content: withBody(doc(p(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])))) }), status: 422, code: 'invalid_content', message: /http, https or mailto/ },
      { name: 'a data: link', body: () => ({ content: withBody(doc(p(text('x', [{ type: 'link', attrs: { href: 'data:text/html,<script>' } }])))) }), status: 422, code: 'invalid_content', message: /http, https or mailto/ },
      { name: 'a NUL character in the text', body: () => ({ content: withBody(doc(p(text('a\u0000b')))) }), status: 422, code: 'invalid_content', message: /control character/ },
      { name: 'a control character in the title', body: () => ({ content: { ...valid(), title: 'Bad\u0007title' } }), status: 422, code: 'invalid_content', message: /control characters/ },
      { name: 'a body nested 34 levels', body: () => ({ content: withBody(deepDoc(31)) }), status: 422, code: 'invalid_content', message: /nested more than 32 levels/ },
      // Deeper than the body could validly be, as JSON: refused before the text is parsed.
      { name: 'a body nested 40 levels', body: () => ({ content: withBody(deepDoc(40)) }), status: 422, code: 'too_deep', message: /nested more than 32 levels/ },
      { name: 'a body of 60,001 nodes', body: () => ({ content: withBody(doc(p(...Array.from({ length: 60_000 }, () => ({ type: 'hardBreak' }))))) }), status: 422, code: 'invalid_content', message: /more than 60000 nodes/ },
      { name: 'a body of over 1,000,000 characters', body: () => ({ content: withBody(doc(p(text('y'.repeat(1_000_001))))) }), status: 422, code: 'invalid_content', message: /more than 1000000 characters/ },
      { name: 'a malformed idempotency key', body: () => ({ content: valid() }), headers: { 'idempotency-key': 'x'.repeat(256) }, status: 400, code: 'invalid_idempotency_key' },
      { name: 'header and body keys that differ', body: () => ({ content: valid(), idempotencyKey: 'one' }), headers: { 'idempotency-key': 'two' }, status: 400, code: 'invalid_idempotency_key' },
      { name: 'an edit without baseRevisionId', path: 'edit', body: () => ({ content: valid() }), status: 422, code: 'missing_field', message: /baseRevisionId/ },
      { name: 'an edit with a malformed baseRevisionId', path: 'edit', body: () => ({ content: valid(), baseRevisionId: '../1' }), status: 422, code: 'invalid_base_revision' },
      { name: 'an edit whose base belongs to another page', path: 'edit', body: () => ({ content: valid(), baseRevisionId: target.otherRevisionId }), status: 404, code: 'base_not_found' },
      { name: 'an edit whose base does not exist', path: 'edit', body: () => ({ content: valid(), baseRevisionId: '0'.repeat(26) }), status: 404, code: 'base_not_found' },
      { name: 'an edit with invalid content', path: 'edit', body: () => ({ content: withBody(doc({ type: 'iframe' })), baseRevisionId: target.revisionId }), status: 422, code: 'invalid_content', message: /Unknown node type "iframe"/ },
    ]

    it.each(cases)('$name → $status $code', async (c) => {
      const path = c.path === 'edit' ? `/api/v1/pages/${target.slug}/revisions` : '/api/v1/pages'
      const before = await counts()
      const response = await post(path, c.body(), { token: c.token, headers: c.headers })
      expect(response.status).toBe(c.status)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      const answer = await json(response)
      expect(answer.error).toMatchObject({ code: c.code, message: expect.any(String) })
      if (c.message) expect(answer.error.message).toMatch(c.message)
      expect(await counts()).toEqual(before)
    })

    it('answers the next requests after refusing bodies it did not read', async () => {
      // Refused before reading: over the limit, and without credentials (401 before the body).
      expect((await post('/api/v1/pages', 'x'.repeat(2_200_000))).status).toBe(413)
      expect((await post('/api/v1/pages', 'y'.repeat(1_500_000), { token: null })).status).toBe(401)
      for (let i = 0; i < 4; i++) expect((await post('/api/v1/pages', [])).status).toBe(422)
    })

    it('answers 404 for an edit of a page that does not exist', async () => {
      const response = await post('/api/v1/pages/no-such-page/revisions', { content: valid(), baseRevisionId: target.revisionId })
      expect(response.status).toBe(404)
      expect(await json(response)).toMatchObject({ error: { code: 'page_not_found' } })
    })

    it('answers 405 for other methods', async () => {
      const response = await fetch(`${server.url}/api/v1/pages/${target.slug}/revisions`, { method: 'PUT', headers: { authorization: `Bearer ${tokens.editor}`, 'content-type': 'application/json' }, body: '{}' })
      expect(response.status).toBe(405)
    })
  })

  describe('GET /api/v1/pages/:slug/revisions', () => {
    it('lists revisions newest first, page by page, until next is null', async () => {
      const created = await newPage('Long history')
      let base = created.revision.id
      for (let i = 1; i < 7; i++) {
        const c = baseContent('Long history')
        c.body.content![0] = p(text(`Version ${i}`))
        const answer = await json(await post(`/api/v1/pages/${created.page.slug}/revisions`, { baseRevisionId: base, content: c, summary: `v${i}` }))
        base = answer.revision.id
      }
      const seen: Array<Record<string, unknown>> = []
      let url: string | null = `/api/v1/pages/${created.page.slug}/revisions?limit=3`
      const pages: number[] = []
      while (url) {
        const response = await fetch(url.startsWith('http') ? url : server.url + url)
        expect(response.status).toBe(200)
        const answer = (await response.json()) as { revisions: Array<Record<string, unknown>>; next: string | null }
        pages.push(answer.revisions.length)
        seen.push(...answer.revisions)
        if (answer.next) expect(response.headers.get('link')).toBe(`<${answer.next}>; rel="next"`)
        url = answer.next
      }
      expect(pages).toEqual([3, 3, 1])
      expect(seen.map((r) => r.summary)).toEqual(['v6', 'v5', 'v4', 'v3', 'v2', 'v1', 'first version'])
      expect(Object.keys(seen[0]!).sort()).toEqual(['author', 'createdAt', 'id', 'parentId', 'size', 'status', 'summary'])
      expect(seen[0]).toMatchObject({ author: editorName, status: 'pending', size: expect.any(Number), createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })
      expectLinearHistory(seen as unknown as HistoryRow[], base)
    })

    it.each([
      ['?limit=0', 400, 'invalid_limit'],
      ['?limit=101', 400, 'invalid_limit'],
      ['?limit=abc', 400, 'invalid_limit'],
      ['?before=not-an-id', 400, 'invalid_cursor'],
    ])('refuses %s with %i %s', async (query, status, code) => {
      const created = await newPage(`Bad query ${query.replace(/\W/g, ' ')}`)
      const response = await get(`/api/v1/pages/${created.page.slug}/revisions${query}`)
      expect(response.status).toBe(status)
      expect(await json(response)).toMatchObject({ error: { code } })
    })

    it('answers 404 for an unknown page', async () => {
      expect((await get('/api/v1/pages/no-such-page/revisions')).status).toBe(404)
    })
  })

  it('keeps a linear history and every text when 8 clients save from one base at once, without a 5xx', async () => {
    const created = await newPage('Eight API clients')
    const edits = concurrentEdits('Eight API clients', 8)
    const clients = await Promise.all(edits.map(async (_, i) => {
      const user = await createUser(t.db, { role: i % 2 === 0 ? 'editor' : 'trusted' })
      return (await createApiToken(t.db, user.id, 'bench')).token
    }))
    const responses = await Promise.all(edits.map((edit, i) => post(`/api/v1/pages/${created.page.slug}/revisions`, { baseRevisionId: created.revision.id, content: edit.content, summary: edit.summary }, { token: clients[i] })))
    const answers = await Promise.all(responses.map(json))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.filter((s) => s === 409)).toHaveLength(3)

    const page = (await getPageBySlug(t.db, created.page.slug))!
    const list = await json(await get(`/api/v1/pages/${created.page.slug}/revisions?limit=100`))
    expect(list.revisions).toHaveLength(9)
    expectLinearHistory(list.revisions, page.latestRevisionId)
    const head = (await getRevision(t.db, page.latestRevisionId))!
    for (const [i, answer] of answers.entries()) {
      const marker = edits[i]!.marker
      if (statuses[i] === 201) expect(bodyText(head.content), `edit ${i}`).toContain(marker)
      else expect(bodyText((await getRevision(t.db, answer.conflict.revisionId))!.content), `edit ${i}`).toContain(marker)
    }
  })

  it('never answers an arbitrary body with a 5xx or an untyped error', async () => {
    const created = await newPage('Fuzzed over HTTP')
    await fc.assert(
      fc.asyncProperty(fc.boolean().chain((edit) => requestBodies(created.revision.id, edit).map((body) => ({ edit, body }))), async ({ edit, body }) => {
        const response = await post(edit ? `/api/v1/pages/${created.page.slug}/revisions` : '/api/v1/pages', body)
        expect(response.status).toBeLessThan(500)
        const answer = await json(response)
        if (response.status >= 400) expect(answer.error).toMatchObject({ code: expect.any(String), message: expect.any(String) })
      }),
      { numRuns: 40 },
    )
  })
})
