import type { SubmissionResult } from '@conform-to/react'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { getActor, requireAbility } from '#app/auth/actor.server'
import { DangerSubmit } from '#app/components/confirm'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { replyError, useSchemaForm } from '#app/components/forms'
import { useT, useUiLang } from '#app/components/i18n'
import { PlainText } from '#app/components/plain-text'
import { formatDateTime } from '#app/core/format'
import { TalkSchema, type TalkIntent } from '#app/core/forms/talk'
import { translator, type Translate } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import type { Issue } from '#app/core/result'
import { TALK_BODY_MAX, TALK_REASON_MAX, TALK_TITLE_MAX } from '#app/core/talk'
import { readSubmission } from '#app/http/form-body.server'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { addWatch, isWatching, markWatchSeen, removeWatch } from '#app/models/watchlist.server'
import { changeTalkPost } from '#app/services/change-talk-post.server'
import { moderateTalk } from '#app/services/moderate-talk.server'
import { postReply } from '#app/services/post-reply.server'
import { startThread } from '#app/services/start-thread.server'
import css from '#app/styles/talk.css?url'
import { getTalkView, parseThreadCursor, resolveTalkSubject, type TalkPostView, type TalkThreadView } from '#app/views/talk-view.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  const subject = await resolveTalkSubject(getDb(), params.kind ?? '', params.slug ?? '')
  if (!subject) throw notFound(t('talk.error.notFound', { kind: (params.kind ?? '').slice(0, 20), slug: (params.slug ?? '').slice(0, 80) }))
  const actor = await getActor(request)
  const viewer = actor ? { id: actor.id, moderator: can(actor, 'talk.moderate') } : null
  const view = await getTalkView(getDb(), subject, viewer, parseThreadCursor(new URL(request.url).searchParams.get('before')))
  // Reading the threads one watches is "looking" at them: the watchlist counts what came after.
  if (actor) {
    const now = nowIso()
    for (const thread of view.threads) if (thread.watching) await markWatchSeen(getDb(), actor.id, { kind: 'thread', id: thread.id }, now)
  }
  const watchingSubject = actor ? await isWatching(getDb(), actor.id, { kind: subject.kind, id: subject.id }) : false
  return {
    title: t('talk.title', { subject: subject.title }),
    watchingSubject,
    subject: { kind: subject.kind, slug: subject.slug, title: subject.title, href: subject.href },
    ...view,
    abilities: { write: can(actor, 'talk.post'), moderate: viewer?.moderator ?? false, signedIn: actor !== null },
  }
}

type Failure = { intent: TalkIntent; target: string; result: SubmissionResult<string[]> }

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const submission = await readSubmission(request, TalkSchema)
  // Only a file where text belongs fails (TalkSchema reads text): no page of ours sends one.
  if (submission.status !== 'success') throw Response.json({ message: t('error.formBody.malformed') }, { status: 400 })
  const form = submission.value
  const subject = await resolveTalkSubject(getDb(), params.kind ?? '', params.slug ?? '')
  if (!subject) throw notFound(t('talk.error.notFound', { kind: (params.kind ?? '').slice(0, 20), slug: (params.slug ?? '').slice(0, 80) }))
  const { intent } = form
  const target = form.postId || form.threadId
  const back = (anchor: string) => redirect(`/talk/${subject.kind}/${subject.slug}${anchor ? `#${anchor}` : ''}`, 303)
  const fail = (status: number, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => data<Failure>({ intent, target, result: submission.reply(errors) }, { status })
  const refuse = (status: number, message: string) => fail(status, { formErrors: [message] })
  const invalid = (issues: Issue[]) => fail(422, { fieldErrors: issueErrors(t, issues) })
  const db = getDb()

  if (intent === 'close' || intent === 'reopen' || intent === 'hide' || intent === 'unhide') {
    const moderator = await requireAbility(request, 'talk.moderate')
    const moderation = intent === 'close' || intent === 'reopen' ? { action: intent, threadId: form.threadId } : { action: intent, postId: form.postId }
    const result = await moderateTalk(db, { moderatorId: moderator.id, fields: form, ...moderation })
    if (result.ok) return back(`thread-${result.threadId}`)
    return result.status === 422 ? invalid(result.issues) : refuse(result.status, result.message)
  }
  if (intent === 'watch' || intent === 'unwatch') {
    const actor = await requireAbility(request, 'talk.post')
    // Without a thread id, the watched item is the page (or product) this talk is about.
    const item = form.threadId ? { kind: 'thread', id: form.threadId } : { kind: subject.kind, id: subject.id }
    if (intent === 'watch') await addWatch(db, actor.id, item, nowIso())
    else await removeWatch(db, actor.id, item)
    return back(form.threadId ? `thread-${form.threadId}` : '')
  }

  const author = await requireAbility(request, 'talk.post')
  const throttled = (retryAfterSeconds: number) => refuse(429, t('talk.error.throttled', { minutes: Math.ceil(retryAfterSeconds / 60) }))
  if (intent === 'thread') {
    const result = await startThread(db, { authorId: author.id, subject, fields: form })
    if (result.ok) return back(`thread-${result.threadId}`)
    return result.status === 429 ? throttled(result.retryAfterSeconds) : invalid(result.issues)
  }
  if (intent === 'reply') {
    const result = await postReply(db, { authorId: author.id, threadId: form.threadId, fields: form })
    if (result.ok) return back(`post-${result.postId}`)
    if (result.status === 429) return throttled(result.retryAfterSeconds)
    return result.status === 422 ? invalid(result.issues) : refuse(result.status, result.message)
  }
  const result = await changeTalkPost(db, { actorId: author.id, postId: form.postId, change: intent === 'delete' ? 'delete' : 'edit', fields: form })
  if (result.ok) return back(`thread-${result.threadId}`)
  return result.status === 422 ? invalid(result.issues) : refuse(result.status, result.message)
}

/** The services' issues, one message a field, in the reader's language. */
function issueErrors(t: Translate, issues: Issue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const limits: Record<string, number> = { title: TALK_TITLE_MAX, body: TALK_BODY_MAX, reason: TALK_REASON_MAX }
  for (const issue of issues) errors[issue.path] ??= [issue.code === 'too_long' ? t('talk.error.tooLong', { limit: limits[issue.path] ?? TALK_BODY_MAX }) : t('talk.error.required')]
  return errors
}

export default function TalkPage() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = useT()
  const base = `/talk/${data.subject.kind}/${data.subject.slug}`
  const [newThread, newThreadFields] = useSchemaForm('talk-new-form', TalkSchema, failure?.intent === 'thread' ? failure.result : null)
  const titleError = newThreadFields.title.errors?.[0]
  const bodyError = newThreadFields.body.errors?.[0]
  return (
    <div className="talk">
      <p>
        <Link to={data.subject.href}>{t('talk.backTo', { subject: data.subject.title })}</Link>
      </p>
      <h1>{data.title}</h1>
      <p className="lead">{t('talk.intro')}</p>
      {data.abilities.write ? (
        <Form method="post">
          <input type="hidden" name="intent" value={data.watchingSubject ? 'unwatch' : 'watch'} />
          <button type="submit" className="button-link">{data.watchingSubject ? t('watch.pageStop') : t('watch.page')}{t('punct.colon')} {data.subject.title}</button>
        </Form>
      ) : null}
      {data.threads.length === 0 ? <p className="muted">{t('talk.empty')}</p> : null}
      {data.threads.map((thread) => (
        <Thread key={thread.id} thread={thread} abilities={data.abilities} failure={failure?.target && (failure.target === thread.id || thread.posts.some((p) => p.id === failure.target)) ? failure : null} />
      ))}
      {data.next ? (
        <p>
          <Link to={`${base}?before=${encodeURIComponent(data.next)}`}>{t('talk.older')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="talk-new" className="talk-new">
        <h2 id="talk-new">{t('talk.new')}</h2>
        {data.abilities.write ? (
          <Form method="post" className="talk-form" id={newThread.id} onSubmit={newThread.onSubmit}>
            <input type="hidden" name="intent" value="thread" />
            {newThread.errors?.[0] ? <p className="form-error" role="alert">{newThread.errors[0]}</p> : null}
            <label htmlFor="talk-title">{t('talk.field.title')}</label>
            <input id="talk-title" name="title" required maxLength={TALK_TITLE_MAX} defaultValue={newThreadFields.title.initialValue ?? ''} aria-invalid={titleError ? true : undefined} aria-describedby={titleError ? 'talk-title-error' : undefined} />
            {titleError ? <p id="talk-title-error" className="field-error">{titleError}</p> : null}
            <label htmlFor="talk-body">{t('talk.field.body')}</label>
            <textarea id="talk-body" name="body" required rows={6} maxLength={TALK_BODY_MAX} defaultValue={newThreadFields.body.initialValue ?? ''} aria-invalid={bodyError ? true : undefined} aria-describedby={bodyError ? 'talk-body-error' : undefined} />
            {bodyError ? <p id="talk-body-error" className="field-error">{bodyError}</p> : null}
            <button type="submit" className="button">{t('talk.submit.thread')}</button>
          </Form>
        ) : (
          <p>{data.abilities.signedIn ? null : <Link to={`/login?redirectTo=${encodeURIComponent(base)}`}>{t('talk.signInToWrite')}</Link>}</p>
        )}
      </section>
    </div>
  )
}

type Abilities = { write: boolean; moderate: boolean; signedIn: boolean }
/** The action's failure when it concerns this thread or post, else null. */
type ThreadFailure = Failure | null

function Thread({ thread, abilities, failure }: { thread: TalkThreadView; abilities: Abilities; failure: ThreadFailure }) {
  const t = useT()
  const lang = useUiLang()
  const [reply, replyFields] = useSchemaForm(`reply-form-${thread.id}`, TalkSchema, failure?.intent === 'reply' ? failure.result : null)
  const bodyError = replyFields.body.errors?.[0]
  return (
    <article id={`thread-${thread.id}`} className="talk-thread" aria-labelledby={`thread-title-${thread.id}`}>
      <h2 id={`thread-title-${thread.id}`}>{thread.title}</h2>
      <p className="muted">
        {t('talk.posts', { count: thread.postCount })} · {formatDateTime(lang, thread.lastPostAt)}
      </p>
      {thread.status === 'closed' ? <p className="notice">{t('talk.closed', { by: thread.closedBy ?? '', reason: thread.closeReason ?? '' })}</p> : null}
      {replyError(failure?.result) ? <p className="form-error" role="alert">{replyError(failure?.result)}</p> : null}
      <ol className="talk-posts">
        {thread.posts.map((post) => (
          <Post key={post.id} post={post} threadId={thread.id} abilities={abilities} failure={failure?.target === post.id ? failure : null} />
        ))}
      </ol>
      {thread.log.length > 0 ? (
        <details className="talk-log">
          <summary>{t('talk.log.title')}</summary>
          <ul>
            {thread.log.map((entry) => (
              <li key={entry.id}>
                {t(`talk.log.${entry.action as 'edit'}`, { actor: entry.actor, date: formatDateTime(lang, entry.createdAt) })}
                {entry.reason ? <> — <PlainText text={entry.reason} /></> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {abilities.write && thread.status === 'open' ? (
        <Form method="post" className="talk-form" id={reply.id} onSubmit={reply.onSubmit}>
          <input type="hidden" name="intent" value="reply" />
          <input type="hidden" name="threadId" value={thread.id} />
          <label htmlFor={`reply-${thread.id}`}>{t('talk.field.reply')}</label>
          <textarea id={`reply-${thread.id}`} name="body" required rows={3} maxLength={TALK_BODY_MAX} defaultValue={replyFields.body.initialValue ?? ''} aria-invalid={bodyError ? true : undefined} aria-describedby={bodyError ? `reply-${thread.id}-error` : undefined} />
          {bodyError ? <p id={`reply-${thread.id}-error`} className="field-error">{bodyError}</p> : null}
          <button type="submit" className="button">{t('talk.submit.reply')}</button>
        </Form>
      ) : null}
      <div className="talk-actions">
        {abilities.write ? (
          <Form method="post">
            <input type="hidden" name="intent" value={thread.watching ? 'unwatch' : 'watch'} />
            <input type="hidden" name="threadId" value={thread.id} />
            <button type="submit" className="button-link">{thread.watching ? t('talk.action.unwatch') : t('talk.action.watch')}</button>
          </Form>
        ) : null}
        {abilities.moderate ? <ReasonForm intent={thread.status === 'open' ? 'close' : 'reopen'} idName="threadId" id={thread.id} label={thread.status === 'open' ? t('talk.action.close') : t('talk.action.reopen')} failure={failure?.target === thread.id ? failure : null} /> : null}
      </div>
    </article>
  )
}

function Post({ post, threadId, abilities, failure }: { post: TalkPostView; threadId: string; abilities: Abilities; failure: ThreadFailure }) {
  const t = useT()
  const lang = useUiLang()
  return (
    <li id={`post-${post.id}`} className={`talk-post talk-post--${post.state}`}>
      <p className="talk-meta">
        {t('talk.by', { author: post.author, date: formatDateTime(lang, post.createdAt) })}
        {post.editedAt ? <> · {t('talk.edited', { date: formatDateTime(lang, post.editedAt) })}</> : null}
      </p>
      {post.state === 'deleted' ? <p className="muted">{t('talk.deleted', { date: formatDateTime(lang, post.deletedAt ?? post.createdAt) })}</p> : null}
      {post.state === 'hidden' ? <p className="notice">{t('talk.hidden', { reason: post.hiddenReason ?? '' })}{post.segments ? <> {t('talk.hiddenVisible')}</> : null}</p> : null}
      {post.segments ? (
        <div className="talk-body">
          <PlainText segments={post.segments} />
        </div>
      ) : null}
      {post.editableBody !== null && abilities.write ? (
        <details className="talk-edit" open={failure?.intent === 'edit'}>
          <summary>{t('talk.action.edit')}</summary>
          <EditForm postId={post.id} body={post.editableBody} result={failure?.intent === 'edit' ? failure.result : null} />
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="postId" value={post.id} />
            <input type="hidden" name="threadId" value={threadId} />
            <DangerSubmit confirm={t('talk.confirm.delete')}>{t('talk.action.delete')}</DangerSubmit>
          </Form>
        </details>
      ) : null}
      {abilities.moderate && post.state !== 'deleted' ? <ReasonForm intent={post.state === 'hidden' ? 'unhide' : 'hide'} idName="postId" id={post.id} label={post.state === 'hidden' ? t('talk.action.unhide') : t('talk.action.hide')} failure={failure} /> : null}
    </li>
  )
}

function EditForm({ postId, body, result }: { postId: string; body: string; result: Failure['result'] | null }) {
  const t = useT()
  const [form, fields] = useSchemaForm(`edit-form-${postId}`, TalkSchema, result)
  return (
    <Form method="post" className="talk-form" id={form.id} onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="edit" />
      <input type="hidden" name="postId" value={postId} />
      <label htmlFor={`edit-${postId}`}>{t('talk.field.body')}</label>
      {/* Conform leaves an empty field out of the reply: after a failed edit the box holds what was sent, even nothing. */}
      <textarea id={`edit-${postId}`} name="body" required rows={4} maxLength={TALK_BODY_MAX} defaultValue={result ? (fields.body.initialValue ?? '') : body} />
      {fields.body.errors?.[0] ? <p className="field-error">{fields.body.errors[0]}</p> : null}
      <button type="submit" className="button">{t('talk.submit.edit')}</button>
    </Form>
  )
}

/** A moderator's close, reopen, hide or unhide, with the public reason the service requires. */
function ReasonForm({ intent, idName, id, label, failure }: { intent: TalkIntent; idName: string; id: string; label: string; failure: ThreadFailure }) {
  const t = useT()
  const result = failure?.intent === intent ? failure.result : null
  const [form, fields] = useSchemaForm(`${intent}-form-${id}`, TalkSchema, result)
  const error = fields.reason.errors?.[0]
  return (
    <details className="talk-moderate" open={result ? true : undefined}>
      <summary>{label}</summary>
      <Form method="post" className="talk-form" id={form.id} onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={idName} value={id} />
        <label htmlFor={`${intent}-${id}`}>{t('talk.field.reason')}</label>
        <input id={`${intent}-${id}`} name="reason" required maxLength={TALK_REASON_MAX} defaultValue={fields.reason.initialValue ?? ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `${intent}-${id}-error` : undefined} />
        {error ? <p id={`${intent}-${id}-error`} className="field-error">{error}</p> : null}
        <button type="submit" className="button">{label}</button>
      </Form>
    </details>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Talk'} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
