import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import type { SubmissionResult } from '@conform-to/react'
import type { z } from 'zod'
import { clientIp, requireAbility, requireSessionUser } from '#app/auth/actor.server'
import { DangerSubmit } from '#app/components/confirm'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { replyError, useSchemaForm } from '#app/components/forms'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDate, formatDateTime } from '#app/core/format'
import { BlockSchema, SetRoleSchema, UnblockSchema, UserAdminSchema } from '#app/core/forms/user-admin'
import { translator } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import { ROLES } from '#app/core/roles'
import { BLOCK_DURATIONS, INDEFINITE, mayBlock, REASON_MAX } from '#app/core/user-admin'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { listApiTokens } from '#app/models/api-tokens.server'
import { getDb } from '#app/models/db.server'
import { listSecurityEvents } from '#app/models/security-log.server'
import { countSessionsOfUser } from '#app/models/sessions.server'
import { getUserByUsername, type User } from '#app/models/users.server'
import { blockUser } from '#app/services/block-user.server'
import { changeRole } from '#app/services/change-role.server'
import { endUserSessions } from '#app/services/end-user-sessions.server'
import { unblockUser } from '#app/services/unblock-user.server'
import accountCss from '#app/styles/account.css?url'
import { readSubmission } from '#app/http/form-body.server'
import { isSecurityEventKey, type SecurityEventKey } from '#app/core/i18n/features/security-events'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }]

const PRIVATE = { 'Cache-Control': 'private, no-store' }

async function findTarget(request: Request, username: string | undefined): Promise<User> {
  const user = username ? await getUserByUsername(getDb(), username) : null
  if (!user) throw notFound(translator(getUiLang(request))('error.notFound.body'))
  return user
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSessionUser(request)
  // Moderators may block; the rest of the page is for admins.
  const actor = await requireAbility(request, 'user.block')
  const target = await findTarget(request, params.username)
  const db = getDb()
  const admin = can(actor, 'user.setRole')
  const now = new Date()
  const [sessions, tokens, events] = admin
    ? await Promise.all([countSessionsOfUser(db, target.id), listApiTokens(db, target.id), listSecurityEvents(db, { userId: target.id, limit: 20 })])
    : [null, null, null]
  return data(
    {
      title: target.username,
      target: {
        username: target.username,
        role: target.role,
        createdAt: target.createdAt,
        blockedUntil: target.blockedUntil !== null && new Date(target.blockedUntil) > now ? target.blockedUntil : null,
        blockReason: target.blockReason,
      },
      abilities: {
        setRole: admin,
        block: mayBlock(actor, target).ok,
        endSessions: can(actor, 'user.endSessions'),
      },
      sessions,
      tokens: tokens?.length ?? null,
      events: events?.map((e) => ({ id: e.id, event: e.event, createdAt: e.createdAt, ip: e.ip })) ?? null,
    },
    { headers: PRIVATE },
  )
}

type Intent = z.output<typeof UserAdminSchema>['intent']

/** One answer for the page's four forms: `intent` says whose it is, so each form reads only its own. */
interface Answer {
  intent: Intent | null
  result: SubmissionResult<string[]>
  notice?: string
}

const answer = (status: number, body: Answer) => data(body, { status, headers: PRIVATE })

export async function action({ request, params }: ActionFunctionArgs) {
  // The least any form here needs; each intent then checks its own ability.
  const actor = await requireAbility(request, 'user.block')
  if (actor.via !== 'session') throw Response.json({ message: translator(getUiLang(request))('auth.required') }, { status: 401 })
  const target = await findTarget(request, params.username)
  const lang = getUiLang(request)
  const t = translator(lang)
  const ip = clientIp(request)
  const submission = await readSubmission(request, UserAdminSchema)
  // An intent the page does not have fails on `intent`; a known one on its own fields.
  const intent = submission.status === 'success' ? submission.value.intent : submission.error?.intent ? null : (submission.payload.intent as Intent)
  // Who may is asked before what was sent is judged.
  if (intent === 'set-role') await requireAbility(request, 'user.setRole')
  if (intent === 'end-sessions') await requireAbility(request, 'user.endSessions')
  if (submission.status !== 'success') return answer(intent ? 422 : 400, { intent, result: submission.reply() })
  const form = submission.value
  const refused = (status: number, message: string) => answer(status, { intent: form.intent, result: submission.reply({ formErrors: [message] }) })
  switch (form.intent) {
    case 'set-role': {
      const result = await changeRole(getDb(), { actor, targetUserId: target.id, role: form.role, reason: form.reason, ip })
      if (result.ok) return answer(200, { intent: form.intent, result: submission.reply({ resetForm: true }), notice: t('userAdmin.role.changed', { role: t(`account.role.${result.to}`) }) })
      if (result.code === 'not_found') throw notFound(t('error.notFound.body'))
      return refused(result.status, result.code === 'reason_too_long' ? t('userAdmin.reason_too_long') : t(`userAdmin.role.${result.code}`))
    }
    case 'block': {
      const result = await blockUser(getDb(), { actor, targetUserId: target.id, duration: form.duration, reason: form.reason, ip })
      if (result.ok) {
        const notice = result.until === INDEFINITE ? t('userAdmin.block.doneIndefinitely') : t('userAdmin.block.done', { until: formatDateTime(lang, result.until) })
        return answer(200, { intent: form.intent, result: submission.reply({ resetForm: true }), notice })
      }
      if (result.code === 'not_found') throw notFound(t('error.notFound.body'))
      const message = result.code === 'invalid_duration' ? t('userAdmin.block.invalidDuration') : result.code === 'self' || result.code === 'outranks' ? t(`userAdmin.block.${result.code}`) : t(`userAdmin.${result.code}`)
      return refused(result.status, message)
    }
    case 'unblock': {
      const result = await unblockUser(getDb(), { actor, targetUserId: target.id, reason: form.reason, ip })
      if (result.ok) return answer(200, { intent: form.intent, result: submission.reply({ resetForm: true }), notice: t('userAdmin.unblock.done') })
      if (result.code === 'not_found') throw notFound(t('error.notFound.body'))
      return refused(result.status, result.code === 'not_blocked' ? t('userAdmin.unblock.notBlocked') : result.code === 'reason_too_long' ? t('userAdmin.reason_too_long') : t(`userAdmin.block.${result.code}`))
    }
    case 'end-sessions': {
      const result = await endUserSessions(getDb(), { actor, targetUserId: target.id, ip })
      if (!result.ok) throw notFound(t('error.notFound.body'))
      return answer(200, { intent: form.intent, result: submission.reply(), notice: t('userAdmin.end.done', { sessions: result.sessions, tokens: result.tokens }) })
    }
  }
}

export default function AdminUser() {
  const { target, abilities, sessions, tokens, events } = useLoaderData<typeof loader>()
  const actionData: Answer | undefined = useActionData<typeof action>()
  const t = useT()
  const lang = useUiLang()
  const answerFor = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined)
  const [roleForm, roleFields] = useSchemaForm('set-role', SetRoleSchema, answerFor('set-role')?.result)
  const [blockForm, blockFields] = useSchemaForm('block', BlockSchema, answerFor('block')?.result)
  const [unblockForm, unblockFields] = useSchemaForm('unblock', UnblockSchema, answerFor('unblock')?.result)
  // Each form says one thing at a time, the first rule broken in the order the services check.
  const errors: Record<Intent, string | undefined> = {
    'set-role': roleForm.errors?.[0] ?? roleFields.role.errors?.[0] ?? roleFields.reason.errors?.[0],
    block: blockForm.errors?.[0] ?? blockFields.duration.errors?.[0] ?? blockFields.reason.errors?.[0],
    unblock: unblockForm.errors?.[0] ?? unblockFields.reason.errors?.[0],
    'end-sessions': undefined,
  }
  const feedback = (intent: Intent) => {
    const notice = answerFor(intent)?.notice
    if (notice) {
      return (
        <p className="notice" role="status">
          {notice}
        </p>
      )
    }
    return errors[intent] ? (
      <p className="form-error" role="alert">
        {errors[intent]}
      </p>
    ) : null
  }
  return (
    <div className="account">
      <p>
        <Link to="/admin/users">{t('userAdmin.user.back')}</Link>
      </p>
      <h1>{target.username}</h1>
      <dl className="user-facts">
        <dt>{t('userAdmin.list.role')}</dt>
        <dd>{t(`account.role.${target.role}`)}</dd>
        <dt>{t('userAdmin.list.created')}</dt>
        <dd>{formatDate(lang, target.createdAt)}</dd>
        <dt>{t('userAdmin.list.status')}</dt>
        <dd>
          {target.blockedUntil === null ? (
            t('userAdmin.list.active')
          ) : (
            <span className="status--blocked">
              {target.blockedUntil === INDEFINITE
                ? t('userAdmin.block.currentIndefinitely', { reason: target.blockReason ?? '' })
                : t('userAdmin.block.current', { until: formatDateTime(lang, target.blockedUntil), reason: target.blockReason ?? '' })}
            </span>
          )}
        </dd>
        {sessions !== null ? (
          <>
            <dt>{t('userAdmin.user.sessions')}</dt>
            <dd>{sessions}</dd>
            <dt>{t('userAdmin.user.tokens')}</dt>
            <dd>{tokens}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/users/${encodeURIComponent(target.username)}`}>{t('userAdmin.user.publicPage')}</Link>
      </p>
      {actionData && actionData.intent === null ? (
        <p className="form-error" role="alert">
          {replyError(actionData.result, 'intent')}
        </p>
      ) : null}

      {abilities.setRole ? (
        <section aria-labelledby="role-title" className="account__section">
          <h2 id="role-title">{t('userAdmin.role.title')}</h2>
          {feedback('set-role')}
          <Form method="post" className="stack" id={roleForm.id} onSubmit={roleForm.onSubmit}>
            <input type="hidden" name="intent" value="set-role" />
            <label>
              {t('userAdmin.role.new')}
              <select name="role" defaultValue={target.role} key={target.role}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`account.role.${role}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('userAdmin.role.reason')}
              <input type="text" name="reason" maxLength={REASON_MAX} defaultValue={roleFields.reason.initialValue ?? ''} />
            </label>
            <button type="submit" className="primary">
              {t('userAdmin.role.submit')}
            </button>
          </Form>
        </section>
      ) : null}

      {abilities.block ? (
        <section aria-labelledby="block-title" className="account__section">
          <h2 id="block-title">{t('userAdmin.block.title')}</h2>
          <p>{t('userAdmin.block.intro')}</p>
          {feedback('block')}
          {feedback('unblock')}
          <Form method="post" className="stack" id={blockForm.id} onSubmit={blockForm.onSubmit}>
            <input type="hidden" name="intent" value="block" />
            <label>
              {t('userAdmin.block.duration')}
              <select name="duration" defaultValue={blockFields.duration.initialValue ?? '1d'}>
                {BLOCK_DURATIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`userAdmin.block.d${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('userAdmin.block.reason')}
              <input type="text" name="reason" required maxLength={REASON_MAX} defaultValue={blockFields.reason.initialValue ?? ''} />
            </label>
            <DangerSubmit confirm={t('confirm.block')}>{t('userAdmin.block.submit')}</DangerSubmit>
          </Form>
          {target.blockedUntil !== null ? (
            <Form method="post" className="stack account__section" id={unblockForm.id} onSubmit={unblockForm.onSubmit}>
              <input type="hidden" name="intent" value="unblock" />
              <label>
                {t('userAdmin.unblock.reason')}
                <input type="text" name="reason" maxLength={REASON_MAX} defaultValue={unblockFields.reason.initialValue ?? ''} />
              </label>
              <button type="submit" className="primary">
                {t('userAdmin.unblock.submit')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {abilities.endSessions ? (
        <section aria-labelledby="end-title" className="account__section">
          <h2 id="end-title">{t('userAdmin.end.title')}</h2>
          <p>{t('userAdmin.end.intro')}</p>
          {feedback('end-sessions')}
          <Form method="post">
            <input type="hidden" name="intent" value="end-sessions" />
            <button type="submit" className="primary">
              {t('userAdmin.end.submit')}
            </button>
          </Form>
        </section>
      ) : null}

      {events !== null ? (
        <section aria-labelledby="events-title" className="account__section">
          <h2 id="events-title">{t('userAdmin.events.title')}</h2>
          {events.length === 0 ? (
            <p className="muted">{t('userAdmin.events.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data" aria-labelledby="events-title">
                <thead>
                  <tr>
                    <th scope="col">{t('userAdmin.events.event')}</th>
                    <th scope="col">{t('userAdmin.events.when')}</th>
                    <th scope="col">{t('userAdmin.events.ip')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr key={e.id}>
                      <td>{isSecurityEventKey(`securityEvent.${e.event}`) ? t(`securityEvent.${e.event}` as SecurityEventKey) : <code>{e.event}</code>}</td>
                      <td>{formatDateTime(lang, e.createdAt)}</td>
                      <td>{e.ip ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'User'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export const headers: HeadersFunction = () => PRIVATE

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
