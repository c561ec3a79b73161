import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createPage, createRevision, createSource, createUser, login, TEST_PASSWORD } from '#test/factories'
import { doc, figure, p, text } from '#test/fixtures/docs'
import { startSmtpListener, type SmtpListener } from '#test/smtp'
import { startThread } from '#app/services/start-thread.server'
import { get, postForm, whoAmI } from './requests'

/**
 * E-mail through a real SMTP listener on 127.0.0.1: an address verified by its link, a rejected
 * editor's mail with a working unsubscribe link, password reset end to end (single use, the same
 * answer for an unknown address), and mail queued through an SMTP outage delivered once it is back.
 */
describe.each(TEST_ENGINES)('e-mail on $engine', (engine) => {
  let editor: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let editorCookie = ''
  let moderatorCookie = ''
  let slug = ''
  let pendingId = ''
  let smtp: SmtpListener
  beforeAll(async () => {
    smtp = await startSmtpListener()
  })
  afterAll(async () => {
    await smtp?.stop()
  })
  // The pages are saved before the server starts; it mails through the listener above.
  const { t, server } = withTestApp(engine, {
    env: () => ({ DEMO_CONTENT: 'false', SMTP_URL: smtp.url, MAIL_POLL_SECONDS: '1', MAIL_RETRY_SECONDS: '1' }),
    seed: async (t) => {
      const trusted = await createUser(t.db, { role: 'trusted', createdAt: '2020-01-01T00:00:00.000Z' })
      editor = await createUser(t.db)
      moderator = await createUser(t.db, { role: 'moderator' })
      const source = await createSource(t.db)
      const cited = figure('5,000', { sourceId: source.id, quote: 'used by 5,000 agencies', asOf: '2025-06' })
      const stable = await createPage(t.db, trusted, { title: 'Mail test page', body: doc(p(text('Used by '), cited, text(' agencies.'))), summary: 'Start' })
      slug = stable.page.slug
      const pending = await createRevision(t.db, editor, slug, { base: stable.revision.id, title: 'Mail test page', body: doc(p(text('Used by '), cited, text(' agencies in Germany.'))), summary: 'More' })
      pendingId = pending.revision.id
    },
  })
  const address = `editor-${Date.now()}@example.org`

  const linkIn = (body: string, path: string) => {
    const match = new RegExp(`https?://[^\\s]+${path}[^\\s]*`).exec(body)
    if (!match) throw new Error(`no ${path} link in:\n${body}`)
    return new URL(match[0])
  }
  /** Gives a signed-in account this address, verified by the link mailed to it: each test below has an account of its own. */
  async function verifyAddress(cookie: string, email: string) {
    expect((await postForm(server, '/account/email', { intent: 'address', email }, { cookie })).status).toBe(200)
    const verification = await smtp.waitFor(email, (m) => m.text.includes('/email/verify/'))
    expect((await postForm(server, linkIn(verification.text, '/email/verify/').pathname, {})).status).toBe(200)
  }

  beforeAll(async () => {
    editorCookie = await login(server.url, editor.username)
    moderatorCookie = await login(server.url, moderator.username)
  })

  it('verifies an address by its link, once; a rejected editor gets the reason by mail and the unsubscribe link works', async () => {
    const set = await postForm(server, '/account/email', { intent: 'address', email: address }, { cookie: editorCookie })
    expect(set.status).toBe(200)
    const verification = await smtp.waitFor(address, (m) => m.text.includes('/email/verify/'))
    const link = linkIn(verification.text, '/email/verify/')
    expect(link.origin).toBe(server.url)
    // Opening the link shows a button (a mail scanner's GET spends nothing); the POST verifies.
    expect((await get(server, link.pathname)).status).toBe(200)
    expect((await postForm(server, link.pathname, {})).status).toBe(200)
    expect((await postForm(server, link.pathname, {})).status).toBe(410)
    expect(await (await get(server, '/account/email', { cookie: editorCookie })).text()).toContain(address)

    expect((await postForm(server, '/account/email', { intent: 'preferences', 'kind-decision': 'on', 'kind-reply': 'on', mode: 'immediate' }, { cookie: editorCookie })).status).toBe(200)
    const rejected = await postForm(server, `/moderation/revisions/${pendingId}`, { intent: 'reject', reason: 'Name the source for Germany.' }, { cookie: moderatorCookie })
    expect(rejected.status).toBeLessThan(400)
    const decision = await smtp.waitFor(address, (m) => m.text.includes('Name the source for Germany.'))
    expect(decision.subject).toContain('[Sourced]')
    expect(decision.text).toContain(`${server.url}/pages/${slug}/revisions/${pendingId}`)
    expect(decision.headers['list-unsubscribe']).toMatch(/^<http.*\/mail\/unsubscribe\/.+>$/)
    const unsubscribe = linkIn(decision.text, '/mail/unsubscribe/')
    // No session: the link alone is enough.
    expect(await (await get(server, unsubscribe.pathname)).text()).toContain('<form')
    expect((await postForm(server, unsubscribe.pathname, {})).status).toBe(200)
    const row = await t.db.selectFrom('users').select('mail_kinds').where('id', '=', editor.id).executeTakeFirstOrThrow()
    expect(row.mail_kinds).toBe('[]')
  })

  it('resets a password by mail: same answer for an unknown address, single-use link, every session ends', async () => {
    const reader = await createUser(t.db)
    const readerAddress = `reader-${Date.now()}@example.org`
    const readerCookie = await login(server.url, reader.username)
    await verifyAddress(readerCookie, readerAddress)
    const before = smtp.mails.length
    const unknown = await postForm(server, '/password/forgot', { email: 'nobody-here@example.org' })
    const known = await postForm(server, '/password/forgot', { email: readerAddress.toUpperCase() })
    expect(unknown.status).toBe(200)
    expect(known.status).toBe(200)
    const strip = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/nonce="[^"]*"/g, '')
    expect(strip(await unknown.text())).toBe(strip(await known.text()))
    const mail = await smtp.waitFor(readerAddress, (m) => m.text.includes('/password/reset/'))
    expect(smtp.mails.slice(before).filter((m) => m.to.includes('nobody-here@example.org'))).toEqual([])
    const link = linkIn(mail.text, '/password/reset/')
    expect((await get(server, link.pathname)).status).toBe(200)
    const newPassword = 'a different long passphrase 42'
    expect((await postForm(server, link.pathname, { password: newPassword, confirm: 'something else entirely' })).status).toBe(422)
    expect((await postForm(server, link.pathname, { password: newPassword, confirm: newPassword })).status).toBe(200)
    expect((await postForm(server, link.pathname, { password: 'yet another long passphrase', confirm: 'yet another long passphrase' })).status).toBe(410)
    expect(await whoAmI(server, readerCookie)).toBeNull()
    await expect(login(server.url, reader.username, TEST_PASSWORD)).rejects.toThrow()
    await expect(login(server.url, reader.username, newPassword)).resolves.toBeTruthy()
  })

  it('keeps mail through an SMTP outage and delivers each one once when the server is back', async () => {
    const author = await createUser(t.db)
    const authorAddress = `author-${Date.now()}@example.org`
    const authorCookie = await login(server.url, author.username)
    await verifyAddress(authorCookie, authorAddress)
    expect((await postForm(server, '/account/email', { intent: 'preferences', 'kind-reply': 'on', mode: 'immediate' }, { cookie: authorCookie })).status).toBe(200)
    const page = await t.db.selectFrom('pages').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    const thread = await startThread(t.db, { authorId: author.id, subject: { kind: 'page', id: page.id }, fields: { title: 'Outage thread', body: 'First.' } })
    if (!thread.ok) throw new Error('setup failed')
    await smtp.stop()
    const replies = ['Reply one while the mail server is down.', 'Reply two while the mail server is down.']
    for (const body of replies) {
      const posted = await postForm(server, `/talk/page/${slug}`, { intent: 'reply', threadId: thread.threadId, body }, { cookie: moderatorCookie })
      expect(posted.status).toBe(303)
    }
    // The sender tried and failed: the jobs wait with their error, nothing was dropped.
    const deadline = Date.now() + 30_000
    for (;;) {
      const failed = await t.db.selectFrom('jobs').select('id').where('kind', '=', 'send-mail').where('done_at', 'is', null).where('last_error', 'is not', null).execute()
      if (failed.length > 0) break
      if (Date.now() > deadline) throw new Error('the mailer never tried while the SMTP listener was down')
      await new Promise((r) => setTimeout(r, 200))
    }
    await smtp.start()
    await smtp.waitFor(authorAddress, (m) => m.text.includes('Outage thread'))
    const poll = Date.now() + 30_000
    while (smtp.mails.filter((m) => m.text.includes('Outage thread')).length < replies.length && Date.now() < poll) await new Promise((r) => setTimeout(r, 200))
    const delivered = smtp.mails.filter((m) => m.text.includes('Outage thread'))
    expect(delivered).toHaveLength(replies.length)
    expect(new Set(delivered.map((m) => m.messageId)).size).toBe(replies.length)
    // The sender marks a job done just after the listener has the mail: poll for it, briefly.
    await expect.poll(() => t.db.selectFrom('jobs').select('id').where('kind', '=', 'send-mail').where('done_at', 'is', null).execute()).toEqual([])
  })
})
