import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createUser, login, TEST_PASSWORD } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import { createApiToken } from '#app/models/api-tokens.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getUserById, getUserByUsername } from '#app/models/users.server'
import { postForm, postJson } from './requests'

/**
 * Mass assignment: fields a form or API body does not define (a role, a status, an author) are
 * ignored wherever they are sent, and the database shows it.
 */
const EXTRA = { role: 'admin', status: 'approved', authorId: '', userId: '', createdBy: '', blockedUntil: '', stableRevisionId: 'x', id: 'chosen-id' }

describe.each(TEST_ENGINES)('extra fields on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  let admin: Awaited<ReturnType<typeof createUser>>
  let editor: Awaited<ReturnType<typeof createUser>>
  let editorCookie = ''
  let extra: Record<string, string> = {}

  beforeAll(async () => {
    admin = await createUser(t.db, { role: 'admin' })
    editor = await createUser(t.db)
    editorCookie = await login(server.url, editor.username)
    extra = { ...EXTRA, authorId: admin.id, userId: admin.id, createdBy: admin.id }
  })

  const revisionsOf = (slug: string) =>
    t.db.selectFrom('revisions').innerJoin('pages', 'pages.id', 'revisions.page_id').select(['revisions.id', 'revisions.status', 'revisions.author_id']).where('pages.slug', '=', slug).execute()

  it('signs up an editor, whatever role or block the form claims', async () => {
    const response = await postForm(server, '/signup', { username: `fresh-${engine.engine}`, password: 'a long enough passphrase', ...extra, blocked_until: '2999-01-01', role_id: 'admin' })
    expect(response.status).toBe(302)
    expect(await getUserByUsername(t.db, `fresh-${engine.engine}`)).toMatchObject({ role: 'editor', blockedUntil: null })
  })

  it('logs in without changing the account, whatever the form adds', async () => {
    expect((await postForm(server, '/login', { username: editor.username, password: TEST_PASSWORD, ...extra })).status).toBe(302)
    expect(await getUserById(t.db, editor.id)).toMatchObject({ role: 'editor', blockedUntil: null })
  })

  // One flow: the edit is of the page the form has just made.
  it('saves a new page from the form, then an edit of it, each as the editor’s pending revision', async () => {
    const response = await postForm(server, '/pages/new', { content: JSON.stringify(content(doc(p(text('A plain page.'))), { title: `Form page ${engine.engine}` })), summary: 'new', idempotencyKey: `form-${engine.engine}`, ...extra }, { cookie: editorCookie })
    expect([302, 303]).toContain(response.status)
    const revisions = await revisionsOf(`form-page-${engine.engine}`)
    expect(revisions).toEqual([{ id: expect.any(String), status: 'pending', author_id: editor.id }])

    // An edit of that page, from the form: the editor's pending revision too.
    const slug = `form-page-${engine.engine}`
    const page = (await getPageBySlug(t.db, slug))!
    const edited = await postForm(
      server,
      `/pages/${slug}/edit`,
      { content: JSON.stringify(content(doc(p(text('A plain page, edited.'))), { title: `Form page ${engine.engine}` })), baseRevisionId: page.latestRevisionId, summary: 'edit', idempotencyKey: `form-edit-${engine.engine}`, ...extra },
      { cookie: editorCookie },
    )
    expect([302, 303]).toContain(edited.status)
    expect((await revisionsOf(slug)).map((r) => [r.status, r.author_id])).toEqual([['pending', editor.id], ['pending', editor.id]])
    expect((await getPageBySlug(t.db, slug))!.stableRevisionId).toBeNull()
  })

  it('refuses unknown fields on the API with 422, storing nothing, and saves as the token holder', async () => {
    const token = (await createApiToken(t.db, editor.id, 'test')).token
    const body = { content: content(doc(p(text('Through the API.'))), { title: `Api page ${engine.engine}` }), summary: 'api' }
    const refused = await postJson(server, '/api/v1/pages', { ...body, ...extra }, { token, origin: null })
    expect(refused.status).toBe(422)
    expect(await refused.json()).toMatchObject({ error: { code: 'unknown_field' } })
    expect(await getPageBySlug(t.db, `api-page-${engine.engine}`)).toBeNull()
    const saved = await postJson(server, '/api/v1/pages', body, { token, origin: null })
    expect(saved.status).toBe(201)
    expect(await revisionsOf(`api-page-${engine.engine}`)).toEqual([{ id: expect.any(String), status: 'pending', author_id: editor.id }])
  })

  it('adds a source as its creator, with its own id', async () => {
    const response = await postJson(server, '/api/v1/sources', { url: `https://example.org/extra-${engine.engine}`, title: 'T', publisher: 'P', kind: 'press', ...extra, linkStatus: 'ok' }, { cookie: editorCookie })
    expect(response.status).toBe(201)
    const row = await t.db.selectFrom('sources').select(['id', 'created_by', 'link_status']).where('url', '=', `https://example.org/extra-${engine.engine}`).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ created_by: editor.id, link_status: null })
    expect(row.id).not.toBe('chosen-id')
  })

  it('changes only the signed-in person’s password and tokens on /account', async () => {
    // Someone of their own signed in: the editor the other tests sign in keeps their password.
    const person = await createUser(t.db)
    const personCookie = await login(server.url, person.username)
    const victim = await createUser(t.db)
    const victimToken = await createApiToken(t.db, victim.id, 'victim')
    const changed = await postForm(server, '/account', { intent: 'change-password', currentPassword: TEST_PASSWORD, newPassword: 'the editor’s new passphrase', confirmPassword: 'the editor’s new passphrase', userId: victim.id, username: victim.username }, { cookie: personCookie })
    expect(changed.status).toBe(200)
    expect((await postForm(server, '/login', { username: victim.username, password: TEST_PASSWORD })).status).toBe(302)
    expect((await postForm(server, '/account', { intent: 'revoke-token', tokenId: victimToken.id, userId: victim.id }, { cookie: personCookie })).status).toBe(404)
    const row = await t.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', victimToken.id).executeTakeFirstOrThrow()
    expect(row.revoked_at).toBeNull()
  })

  it('changes the role of the account in the address only, to the role chosen', async () => {
    const target = await createUser(t.db)
    const bystander = await createUser(t.db)
    const adminCookie = await login(server.url, admin.username)
    const response = await postForm(server, `/admin/users/${target.username}`, { intent: 'set-role', role: 'trusted', reason: '', userId: bystander.id, username: bystander.username, targetUserId: bystander.id }, { cookie: adminCookie })
    expect(response.status).toBe(200)
    expect((await getUserById(t.db, target.id))!.role).toBe('trusted')
    expect((await getUserById(t.db, bystander.id))!.role).toBe('editor')
    expect((await postForm(server, `/admin/users/${target.username}`, { intent: 'set-role', role: 'superuser' }, { cookie: adminCookie })).status).toBe(422)
    expect((await getUserById(t.db, target.id))!.role).toBe('trusted')
  })
})
