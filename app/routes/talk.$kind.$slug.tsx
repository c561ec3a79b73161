import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getActor, requireAbility } from '#app/auth/actor.server'
import { DangerSubmit } from '#app/components/confirm'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT, useUiLang } from '#app/components/i18n'
import { PlainText } from '#app/components/plain-text'
import { formatDateTime } from '#app/core/format'
import { translator, type Translate } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import type { Issue } from '#app/core/result'
import { TALK_BODY_MAX, TALK_REASON_MAX, TALK_TITLE_MAX } from '#app/core/talk'
import { readFormFields } from '#app/http/form-body.server'
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

type Intent = 'thread' | 'reply' | 'edit' | 'delete' | 'close' | 'reopen' | 'hide' | 'unhide' | 'watch' | 'unwatch'
const INTENTS: readonly Intent[] = ['thread', 'reply', 'edit', 'delete', 'close', 'reopen', 'hide', 'unhide', 'watch', 'unwatch']

type Failure = { ok: false; intent: Intent; target: string; fields: Record<string, string>; errors: Record<string, string> }

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const form = await readFormFields(request)
  const subject = await resolveTalkSubject(getDb(), params.kind ?? '', params.slug ?? '')
  if (!subject) throw notFound(t('talk.error.notFound', { kind: (params.kind ?? '').slice(0, 20), slug: (params.slug ?? '').slice(0, 80) }))
  const intent = INTENTS.find((i) => i === form.intent) ?? 'thread'
  const target = form.postId || form.threadId || ''
  const back = (anchor: string) => redirect(`/talk/${subject.kind}/${subject.slug}${anchor ? `#${anchor}` : ''}`, 303)
  const fail = (status: number, errors: Record<string, string>) => data<Failure>({ ok: false, intent, target, fields: form, errors }, { status })
  const db = getDb()

  if (intent === 'close' || intent === 'reopen' || intent === 'hide' || intent === 'unhide') {
    const moderator = await requireAbility(request, 'talk.moderate')
    const moderation = intent === 'close' || intent === 'reopen' ? { action: intent, threadId: form.threadId ?? '' } : { action: intent, postId: form.postId ?? '' }
    const result = await moderateTalk(db, { moderatorId: moderator.id, fields: form, ...moderation })
    if (result.ok) return back(`thread-${result.threadId}`)
    return result.status === 422 ? fail(422, issueErrors(t, result.issues)) : fail(result.status, { form: result.message })
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
  if (intent === 'thread') {
    const result = await startThread(db, { authorId: author.id, subject, fields: form })
    if (result.ok) return back(`thread-${result.threadId}`)
    return result.status === 429 ? throttled(t, fail, result.retryAfterSeconds) : fail(422, issueErrors(t, result.issues))
  }
  if (intent === 'reply') {
    const result = await postReply(db, { authorId: author.id, threadId: form.threadId ?? '', fields: form })
    if (result.ok) return back(`post-${result.postId}`)
    if (result.status === 429) return throttled(t, fail, result.retryAfterSeconds)
    return result.status === 422 ? fail(422, issueErrors(t, result.issues)) : fail(result.status, { form: result.message })
  }
  const result = await changeTalkPost(db, { actorId: author.id, postId: form.postId ?? '', change: intent === 'delete' ? 'delete' : 'edit', fields: form })
  if (result.ok) return back(`thread-${result.threadId}`)
  return result.status === 422 ? fail(422, issueErrors(t, result.issues)) : fail(result.status, { form: result.message })
}

function issueErrors(t: Translate, issues: Issue[]): Record<string, string> {
  const errors: Record<string, string> = {}
  const limits: Record<string, number> = { title: TALK_TITLE_MAX, body: TALK_BODY_MAX, reason: TALK_REASON_MAX }
  for (const issue of issues) errors[issue.path] ??= issue.code === 'too_long' ? t('talk.error.tooLong', { limit: limits[issue.path] ?? TALK_BODY_MAX }) : t('talk.error.required')
  return errors
}

function throttled(t: Translate, fail: (status: number, errors: Record<string, string>) => ReturnType<typeof data<Failure>>, retryAfterSeconds: number) {
  return fail(429, { form: t('talk.error.throttled', { minutes: Math.ceil(retryAfterSeconds / 60) }) })
}

export default function TalkPage() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = useT()
  const base = `/talk/${data.subject.kind}/${data.subject.slug}`
  const newThreadFailure = failure?.intent === 'thread' ? failure : null
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
          <Form method="post" className="talk-form">
            <input type="hidden" name="intent" value="thread" />
            {newThreadFailure?.errors.form ? <p className="form-error" role="alert">{newThreadFailure.errors.form}</p> : null}
            <label htmlFor="talk-title">{t('talk.field.title')}</label>
            <input id="talk-title" name="title" required maxLength={TALK_TITLE_MAX} defaultValue={newThreadFailure?.fields.title ?? ''} aria-invalid={newThreadFailure?.errors.title ? true : undefined} aria-describedby={newThreadFailure?.errors.title ? 'talk-title-error' : undefined} />
            {newThreadFailure?.errors.title ? <p id="talk-title-error" className="field-error">{newThreadFailure.errors.title}</p> : null}
            <label htmlFor="talk-body">{t('talk.field.body')}</label>
            <textarea id="talk-body" name="body" required rows={6} maxLength={TALK_BODY_MAX} defaultValue={newThreadFailure?.fields.body ?? ''} aria-invalid={newThreadFailure?.errors.body ? true : undefined} aria-describedby={newThreadFailure?.errors.body ? 'talk-body-error' : undefined} />
            {newThreadFailure?.errors.body ? <p id="talk-body-error" className="field-error">{newThreadFailure.errors.body}</p> : null}
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
type ThreadFailure = { intent: string; target: string; fields: Record<string, string>; errors: Record<string, string> } | null

function Thread({ thread, abilities, failure }: { thread: TalkThreadView; abilities: Abilities; failure: ThreadFailure }) {
  const t = useT()
  const lang = useUiLang()
  const replyFailure = failure?.intent === 'reply' ? failure : null
  return (
    <article id={`thread-${thread.id}`} className="talk-thread" aria-labelledby={`thread-title-${thread.id}`}>
      <h2 id={`thread-title-${thread.id}`}>{thread.title}</h2>
      <p className="muted">
        {t('talk.posts', { count: thread.postCount })} · {formatDateTime(lang, thread.lastPostAt)}
      </p>
      {thread.status === 'closed' ? <p className="notice">{t('talk.closed', { by: thread.closedBy ?? '', reason: thread.closeReason ?? '' })}</p> : null}
      {failure?.errors.form ? <p className="form-error" role="alert">{failure.errors.form}</p> : null}
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
        <Form method="post" className="talk-form">
          <input type="hidden" name="intent" value="reply" />
          <input type="hidden" name="threadId" value={thread.id} />
          <label htmlFor={`reply-${thread.id}`}>{t('talk.field.reply')}</label>
          <textarea id={`reply-${thread.id}`} name="body" required rows={3} maxLength={TALK_BODY_MAX} defaultValue={replyFailure?.fields.body ?? ''} aria-invalid={replyFailure?.errors.body ? true : undefined} aria-describedby={replyFailure?.errors.body ? `reply-${thread.id}-error` : undefined} />
          {replyFailure?.errors.body ? <p id={`reply-${thread.id}-error`} className="field-error">{replyFailure.errors.body}</p> : null}
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
        {abilities.moderate ? <ReasonForm intent={thread.status === 'open' ? 'close' : 'reopen'} idName="threadId" id={thread.id} label={thread.status === 'open' ? t('talk.action.close') : t('talk.action.reopen')} /> : null}
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
          <Form method="post" className="talk-form">
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="postId" value={post.id} />
            <label htmlFor={`edit-${post.id}`}>{t('talk.field.body')}</label>
            <textarea id={`edit-${post.id}`} name="body" required rows={4} maxLength={TALK_BODY_MAX} defaultValue={failure?.intent === 'edit' ? failure.fields.body : post.editableBody} />
            {failure?.intent === 'edit' && failure.errors.body ? <p className="field-error">{failure.errors.body}</p> : null}
            <button type="submit" className="button">{t('talk.submit.edit')}</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="postId" value={post.id} />
            <input type="hidden" name="threadId" value={threadId} />
            <DangerSubmit confirm={t('talk.confirm.delete')}>{t('talk.action.delete')}</DangerSubmit>
          </Form>
        </details>
      ) : null}
      {abilities.moderate && post.state !== 'deleted' ? <ReasonForm intent={post.state === 'hidden' ? 'unhide' : 'hide'} idName="postId" id={post.id} label={post.state === 'hidden' ? t('talk.action.unhide') : t('talk.action.hide')} /> : null}
    </li>
  )
}

function ReasonForm({ intent, idName, id, label }: { intent: string; idName: string; id: string; label: string }) {
  const t = useT()
  return (
    <details className="talk-moderate">
      <summary>{label}</summary>
      <Form method="post" className="talk-form">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={idName} value={id} />
        <label htmlFor={`${intent}-${id}`}>{t('talk.field.reason')}</label>
        <input id={`${intent}-${id}`} name="reason" required maxLength={TALK_REASON_MAX} />
        <button type="submit" className="button">{label}</button>
      </Form>
    </details>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Talk'} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
