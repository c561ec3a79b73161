import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createPage, createSource, createUser } from '#test/factories'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { countUnread, listNotifications, markNotificationsRead } from '#app/models/notifications.server'
import { listTalkLog } from '#app/models/talk.server'
import { isWatching, listWatchedPages, listWatchedThreads } from '#app/models/watchlist.server'
import { getTalkView, resolveTalkSubject } from '#app/views/talk-view.server'
import { changeTalkPost } from './change-talk-post.server'
import { createReport } from './create-report.server'
import { moderateTalk } from './moderate-talk.server'
import { postReply } from './post-reply.server'
import { reviewRevision } from './review-revision.server'
import { saveRevision } from './save-revision.server'
import { startThread } from './start-thread.server'
import { sweepExpired } from './sweep.server'

describe.each(TEST_ENGINES)('talk, watchlist and notifications on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let editor: Awaited<ReturnType<typeof createUser>>
  let other: Awaited<ReturnType<typeof createUser>>
  let trusted: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let source: { id: string }
  let page: { slug: string; id: string; revisionId: string }

  beforeAll(async () => {
    editor = await createUser(t.db)
    other = await createUser(t.db)
    trusted = await createUser(t.db, { role: 'trusted', createdAt: '2020-01-01T00:00:00.000Z' })
    moderator = await createUser(t.db, { role: 'moderator' })
    source = await createSource(t.db)
    const saved = await createPage(t.db, trusted, {
      title: 'Working together test', summary: 'new', status: 'approved',
      body: doc(p(text('Tchap had '), figure('5,000', { sourceId: source.id, quote: 'counted 5,000 users', asOf: '2025-06' }), text(' users.'))),
    })
    page = { slug: saved.page.slug, id: saved.page.id, revisionId: saved.revision.id }
  })

  const subject = () => ({ kind: 'page' as const, id: page.id })

  it('saving an edit follows the page; watchers hear of new revisions, and the author of a decision', async () => {
    expect(await isWatching(t.db, trusted.id, subject())).toBe(true)
    const unread = await countUnread(t.db, trusted.id)
    const saved = await saveRevision(t.db, {
      actor: editor, slug: page.slug, baseRevisionId: page.revisionId, summary: 'typo', idempotencyKey: null,
      content: content(doc(p(text('Tchap had '), figure('5,000', { sourceId: source.id, quote: 'counted 5,000 users', asOf: '2025-06' }), text(' users in 2025.'))), { title: 'Working together test' }),
    })
    if (!saved.ok) throw new Error(JSON.stringify(saved))
    expect(saved.revision.status).toBe('pending')
    expect(await countUnread(t.db, trusted.id)).toBe(unread + 1)
    const [news] = await listNotifications(t.db, trusted.id, { limit: 1 })
    expect(news).toMatchObject({ kind: 'revision', revisionId: saved.revision.id, subject: { slug: page.slug }, actor: editor.username, read: false })
    expect(news!.detail.parentId).toBe(page.revisionId)
    // The editor follows the page now, and is told of the moderator's decision with its reason.
    expect(await isWatching(t.db, editor.id, subject())).toBe(true)
    const rejected = await reviewRevision(t.db, { moderator, revisionId: saved.revision.id, decision: 'reject', reason: 'Say where "in 2025" comes from.' })
    expect(rejected.ok).toBe(true)
    const [decision] = await listNotifications(t.db, editor.id, { limit: 1 })
    expect(decision).toMatchObject({ kind: 'decision', revisionId: saved.revision.id, actor: moderator.username, detail: { decision: 'reject', reason: 'Say where "in 2025" comes from.' } })
    // The watcher who made no change sees one change since they last looked.
    const watched = await listWatchedPages(t.db, trusted.id)
    expect(watched.find((w) => w.id === page.id)?.changesSince).toBe(1)
  })

  it('keeps talk as plain text, notifies participants of replies, and logs edits and moderation', async () => {
    const started = await startThread(t.db, { authorId: editor.id, subject: subject(), fields: { title: 'Is 5,000 right?', body: 'The <script>alert(1)</script> number, see javascript:alert(1) and https://example.org/x.' } })
    if (!started.ok) throw new Error(JSON.stringify(started))
    expect(await isWatching(t.db, editor.id, { kind: 'thread', id: started.threadId })).toBe(true)
    // The page's watchers (the trusted author) hear of the new thread.
    const [thread] = await listNotifications(t.db, trusted.id, { limit: 1 })
    expect(thread).toMatchObject({ kind: 'reply', threadId: started.threadId, detail: { newThread: true, title: 'Is 5,000 right?' } })

    const replied = await postReply(t.db, { authorId: other.id, threadId: started.threadId, fields: { body: 'It was 5,000 in June.' } })
    if (!replied.ok) throw new Error(JSON.stringify(replied))
    const [reply] = await listNotifications(t.db, editor.id, { limit: 1 })
    expect(reply).toMatchObject({ kind: 'reply', threadId: started.threadId, actor: other.username })

    const view = await getTalkView(t.db, (await resolveTalkSubject(t.db, 'page', page.slug))!, null, null)
    const first = view.threads[0]!.posts[0]!
    expect(first.segments).toEqual([
      { kind: 'text', text: 'The <script>alert(1)</script> number, see javascript:alert(1) and ' },
      { kind: 'link', text: 'https://example.org/x', href: 'https://example.org/x' },
      { kind: 'text', text: '.' },
    ])

    expect(await changeTalkPost(t.db, { actorId: other.id, postId: started.postId, change: 'edit', fields: { body: 'hijacked' } })).toMatchObject({ ok: false, status: 403 })
    expect(await changeTalkPost(t.db, { actorId: editor.id, postId: started.postId, change: 'edit', fields: { body: 'Corrected text.' } })).toMatchObject({ ok: true })
    expect(await moderateTalk(t.db, { moderatorId: moderator.id, action: 'hide', postId: replied.postId, fields: { reason: 'Personal data' } })).toMatchObject({ ok: true })
    expect(await moderateTalk(t.db, { moderatorId: moderator.id, action: 'close', threadId: started.threadId, fields: { reason: '' } })).toMatchObject({ ok: false, status: 422 })
    expect(await moderateTalk(t.db, { moderatorId: moderator.id, action: 'close', threadId: started.threadId, fields: { reason: 'Settled: the source says 5,000.' } })).toMatchObject({ ok: true })
    expect(await postReply(t.db, { authorId: other.id, threadId: started.threadId, fields: { body: 'one more' } })).toMatchObject({ ok: false, status: 409 })

    const reader = await getTalkView(t.db, (await resolveTalkSubject(t.db, 'page', page.slug))!, null, null)
    const posts = reader.threads[0]!.posts
    expect(posts[0]).toMatchObject({ state: 'visible', editedAt: expect.any(String) })
    expect(posts[0]!.segments?.map((s) => s.text).join('')).toBe('Corrected text.')
    expect(posts[1]).toMatchObject({ state: 'hidden', hiddenReason: 'Personal data', segments: null })
    const asModerator = await getTalkView(t.db, (await resolveTalkSubject(t.db, 'page', page.slug))!, { id: moderator.id, moderator: true }, null)
    expect(asModerator.threads[0]!.posts[1]!.segments?.[0]?.text).toBe('It was 5,000 in June.')
    expect(reader.threads[0]).toMatchObject({ status: 'closed', closeReason: 'Settled: the source says 5,000.', closedBy: moderator.username })
    expect((await listTalkLog(t.db, [started.threadId])).map((e) => e.action)).toEqual(['edit', 'hide', 'close'])

    const threads = await listWatchedThreads(t.db, editor.id)
    expect(threads.find((w) => w.id === started.threadId)?.changesSince).toBe(1)
  })

  it('tells the figure\'s author of a report, reads and sweeps notifications', async () => {
    const before = await countUnread(t.db, trusted.id)
    const reported = await createReport(t.db, { reporter: null, ip: '198.51.100.7', slug: page.slug, fields: { revisionId: page.revisionId, target: 'figure', ordinal: '0', reason: 'outdated', comment: '' } })
    expect(reported.ok).toBe(true)
    expect(await countUnread(t.db, trusted.id)).toBe(before + 1)
    const [report] = await listNotifications(t.db, trusted.id, { limit: 1 })
    expect(report).toMatchObject({ kind: 'report', detail: { target: '5,000', reason: 'outdated' } })
    expect(await markNotificationsRead(t.db, trusted.id, [report!.id], new Date().toISOString())).toBe(1)
    expect(await countUnread(t.db, trusted.id)).toBe(before)
    expect(await markNotificationsRead(t.db, trusted.id, null, new Date().toISOString())).toBe(before)
    expect(await countUnread(t.db, trusted.id)).toBe(0)
    const swept = await sweepExpired(t.db, new Date(Date.now() + 91 * 24 * 3_600_000))
    expect(swept.notifications).toBeGreaterThan(0)
    expect(await listNotifications(t.db, trusted.id, { limit: 10 })).toEqual([])
  })
})
