import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import type { SubmissionResult } from '@conform-to/react'
import type { z } from 'zod'
import { clientIp, requireSessionUser } from '#app/auth/actor.server'
import { endSession, hashSessionId } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { replyError, useSchemaForm } from '#app/components/forms'
import { useT, useUiLang } from '#app/components/i18n'
import { AccountSchema, ChangePasswordSchema, CreateTokenSchema } from '#app/core/forms/account'
import { formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { PASSWORD_MAX, PASSWORD_MIN } from '#app/core/password-rules'
import type { Role } from '#app/core/roles'
import { MAX_TOKENS_PER_USER, TOKEN_NAME_MAX } from '#app/core/tokens'
import { INDEFINITE } from '#app/core/user-admin'
import { describeUserAgent } from '#app/core/user-agent'
import { getUiLang } from '#app/http/lang.server'
import { listApiTokens } from '#app/models/api-tokens.server'
import { getDb } from '#app/models/db.server'
import { listSessionsOfUser } from '#app/models/sessions.server'
import { changePassword } from '#app/services/change-password.server'
import { createPersonalToken } from '#app/services/create-api-token.server'
import { revokePersonalToken } from '#app/services/revoke-api-token.server'
import { revokeOwnSessions } from '#app/services/revoke-own-sessions.server'
import accountCss from '#app/styles/account.css?url'
import { readSubmission } from '#app/http/form-body.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }]

// The page lists sessions and, once, a new token: nothing of it may sit in a cache.
const PRIVATE = { 'Cache-Control': 'private, no-store' }

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSessionUser(request)
  const db = getDb()
  const current = hashSessionId(sessionId)
  const [sessions, tokens] = await Promise.all([listSessionsOfUser(db, user.id), listApiTokens(db, user.id)])
  return data(
    {
      title: translator(getUiLang(request))('account.title'),
      user: { username: user.username, role: user.role, blockedUntil: user.blockedUntil, blockReason: user.blockReason },
      sessions: sessions.map((s) => ({ id: s.id, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, ip: s.ip, browser: describeUserAgent(s.userAgent), current: s.id === current })),
      tokens,
    },
    { headers: PRIVATE },
  )
}

type Intent = z.output<typeof AccountSchema>['intent']
const PASSWORDS = ['currentPassword', 'newPassword', 'confirmPassword']

/** One answer for the page's five forms: `intent` says whose it is, so each form reads only its own. */
interface Answer {
  intent: Intent | null
  result: SubmissionResult<string[]>
  notice?: string
  token?: { name: string; value: string }
}

const answer = (status: number, body: Answer, headers: Record<string, string> = {}) => data(body, { status, headers: { ...PRIVATE, ...headers } })

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSessionUser(request)
  const t = translator(getUiLang(request))
  const db = getDb()
  const ip = clientIp(request)
  const submission = await readSubmission(request, AccountSchema)
  if (submission.status !== 'success') {
    // An intent the page does not have fails on `intent`; a known one on its own fields.
    const intent = submission.error?.intent ? null : (submission.payload.intent as Intent)
    return answer(intent ? 422 : 400, { intent, result: submission.reply({ hideFields: PASSWORDS }) })
  }
  const form = submission.value
  switch (form.intent) {
    case 'change-password': {
      const result = await changePassword(db, { user, sessionId, currentPassword: form.currentPassword, newPassword: form.newPassword, ip })
      const reply = (errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => submission.reply({ ...errors, hideFields: PASSWORDS })
      if (result.ok) return answer(200, { intent: form.intent, result: submission.reply({ resetForm: true }), notice: t('account.password.changed', { count: result.endedSessions }) })
      if (result.reason === 'throttled') {
        return answer(429, { intent: form.intent, result: reply({ formErrors: [t('account.password.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) })] }) }, { 'Retry-After': String(result.retryAfterSeconds) })
      }
      if (result.reason === 'wrong_password') return answer(400, { intent: form.intent, result: reply({ fieldErrors: { currentPassword: [t('account.password.wrong')] } }) })
      return answer(422, { intent: form.intent, result: reply({ fieldErrors: { newPassword: [t(`auth.issue.${result.issues[0]!.code}` as 'auth.issue.common')] } }) })
    }
    case 'revoke-session':
    case 'revoke-other-sessions': {
      const which = form.intent === 'revoke-other-sessions' ? ('others' as const) : { storedId: form.sessionId }
      const result = await revokeOwnSessions(db, { user, currentSessionId: sessionId, which, ip })
      if (result.endedCurrent) throw redirect('/', { headers: { 'Set-Cookie': await endSession(sessionId) } })
      if (which === 'others') return answer(200, { intent: form.intent, result: submission.reply(), notice: t('account.sessions.othersRevoked', { count: result.ended }) })
      return result.ended === 1
        ? answer(200, { intent: form.intent, result: submission.reply(), notice: t('account.sessions.revoked') })
        : answer(404, { intent: form.intent, result: submission.reply({ formErrors: [t('account.sessions.gone')] }) })
    }
    case 'create-token': {
      const created = await createPersonalToken(db, { user, name: form.name, ip, via: 'account' })
      if (created.ok) return answer(201, { intent: form.intent, result: submission.reply({ resetForm: true }), token: { name: created.name, value: created.token } })
      return created.code === 'too_many'
        ? answer(409, { intent: form.intent, result: submission.reply({ formErrors: [t('account.tokens.limit', { max: MAX_TOKENS_PER_USER })] }) })
        : answer(422, { intent: form.intent, result: submission.reply({ fieldErrors: { name: [t('account.tokens.nameMissing')] } }) })
    }
    case 'revoke-token': {
      const revoked = await revokePersonalToken(db, { user, tokenId: form.tokenId, ip })
      return revoked
        ? answer(200, { intent: form.intent, result: submission.reply(), notice: t('account.tokens.revoked') })
        : answer(404, { intent: form.intent, result: submission.reply({ formErrors: [t('account.tokens.gone')] }) })
    }
  }
}

export default function Account() {
  const { user, sessions, tokens } = useLoaderData<typeof loader>()
  const actionData: Answer | undefined = useActionData<typeof action>()
  const t = useT()
  const lang = useUiLang()
  const when = (iso: string) => formatDateTime(lang, iso)
  const roleName = (role: Role) => t(`account.role.${role}`)
  const answerFor = (...intents: Intent[]) => (actionData?.intent && intents.includes(actionData.intent) ? actionData : undefined)
  const password = answerFor('change-password')
  const [passwordForm, passwordFields] = useSchemaForm('change-password', ChangePasswordSchema, password?.result)
  const newToken = answerFor('create-token')
  const [tokenForm, tokenFields] = useSchemaForm('create-token', CreateTokenSchema, newToken?.result)
  const sessionsAnswer = answerFor('revoke-session', 'revoke-other-sessions')
  const revokedToken = answerFor('revoke-token')
  const tokenNameError = tokenFields.name.errors?.[0]
  return (
    <div className="account">
      <h1>{t('account.title')}</h1>
      <p>
        {t('account.signedInAs', { username: user.username, role: roleName(user.role) })}{' '}
        <Link to={`/users/${encodeURIComponent(user.username)}`}>{t('account.publicPage')}</Link>
      </p>
      <p>
        <Link to="/account/email">{t('account.email.link')}</Link>
      </p>
      {user.blockedUntil ? (
        <p className="banner" role="status">
          {user.blockedUntil === INDEFINITE
            ? t('account.blockedIndefinitely', { reason: user.blockReason ?? '' })
            : t('account.blocked', { until: when(user.blockedUntil), reason: user.blockReason ?? '' })}
        </p>
      ) : null}
      {actionData && actionData.intent === null ? (
        <p className="form-error" role="alert">
          {replyError(actionData.result, 'intent')}
        </p>
      ) : null}

      <section aria-labelledby="sessions-title" className="account__section">
        <h2 id="sessions-title">{t('account.sessions.title')}</h2>
        <p>{t('account.sessions.intro')}</p>
        <Feedback notice={sessionsAnswer?.notice} error={replyError(sessionsAnswer?.result)} />
        <div className="table-scroll">
          <table className="data" aria-labelledby="sessions-title">
            <thead>
              <tr>
                <th scope="col">{t('account.sessions.browser')}</th>
                <th scope="col">{t('account.sessions.created')}</th>
                <th scope="col">{t('account.sessions.lastSeen')}</th>
                <th scope="col">{t('account.sessions.ip')}</th>
                <th scope="col">{t('account.sessions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} className={s.current ? 'account__current' : undefined}>
                  <td>
                    {s.browser ?? t('account.sessions.unknownBrowser')}
                    {s.current ? <span className="badge account__badge">{t('account.sessions.current')}</span> : null}
                  </td>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastSeenAt)}</td>
                  <td>{s.ip ?? '—'}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke-session" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="button-link" aria-label={t('account.sessions.revokeLabel', { created: when(s.createdAt) })}>
                        {t('account.sessions.revoke')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {sessions.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke-other-sessions" />
            <button type="submit" className="button">
              {t('account.sessions.revokeOthers')}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="password-title" className="account__section">
        <h2 id="password-title">{t('account.password.title')}</h2>
        <Feedback notice={password?.notice} error={passwordForm.errors?.[0]} />
        {/* A new key after each success empties the fields. */}
        <Form method="post" className="stack" key={password?.notice ?? 'password'} id={passwordForm.id} onSubmit={passwordForm.onSubmit}>
          <input type="hidden" name="intent" value="change-password" />
          {/* Lets password managers tie the new password to the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <PasswordField name="currentPassword" label={t('account.password.current')} autoComplete="current-password" error={passwordFields.currentPassword.errors?.[0]} />
          <PasswordField name="newPassword" label={t('account.password.new')} autoComplete="new-password" error={passwordFields.newPassword.errors?.[0]} hint={t('auth.password.hint', { min: PASSWORD_MIN })} minLength={PASSWORD_MIN} />
          <PasswordField name="confirmPassword" label={t('account.password.confirm')} autoComplete="new-password" error={passwordFields.confirmPassword.errors?.[0]} minLength={PASSWORD_MIN} />
          <button type="submit" className="primary">
            {t('account.password.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="tokens-title" className="account__section">
        <h2 id="tokens-title">{t('account.tokens.title')}</h2>
        <p>{t('account.tokens.intro')}</p>
        <Feedback notice={revokedToken?.notice} error={tokenForm.errors?.[0] ?? replyError(revokedToken?.result)} />
        {newToken?.token ? (
          <div className="notice account__token" role="status">
            <p>{t('account.tokens.created')}</p>
            <label>
              {t('account.tokens.createdLabel')} ({newToken.token.name})
              <input type="text" readOnly value={newToken.token.value} className="account__token-value" spellCheck={false} autoComplete="off" />
            </label>
          </div>
        ) : null}
        {tokens.length === 0 ? (
          <p className="muted">{t('account.tokens.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data" aria-labelledby="tokens-title">
              <thead>
                <tr>
                  <th scope="col">{t('account.tokens.tokenName')}</th>
                  <th scope="col">{t('account.tokens.createdAt')}</th>
                  <th scope="col">{t('account.tokens.lastUsed')}</th>
                  <th scope="col">{t('account.tokens.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td>{when(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('account.tokens.never')}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke-token" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className="button-link" aria-label={t('account.tokens.revokeLabel', { name: token.name })}>
                          {t('account.tokens.revoke')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Form method="post" className="stack" key={newToken?.token?.value ?? 'new-token'} id={tokenForm.id} onSubmit={tokenForm.onSubmit}>
          <input type="hidden" name="intent" value="create-token" />
          <div className="field">
            <label htmlFor="token-name">{t('account.tokens.name')}</label>
            <input
              type="text"
              id="token-name"
              name="name"
              required
              maxLength={TOKEN_NAME_MAX}
              defaultValue={tokenFields.name.initialValue ?? ''}
              aria-invalid={tokenNameError ? true : undefined}
              aria-describedby={tokenNameError ? 'token-name-error' : 'token-name-hint'}
            />
            <span id="token-name-hint" className="muted">
              {t('account.tokens.nameHint')}
            </span>
            {tokenNameError ? (
              <span id="token-name-error" className="field-error">
                {tokenNameError}
              </span>
            ) : null}
          </div>
          <button type="submit" className="primary">
            {t('account.tokens.create')}
          </button>
        </Form>
      </section>
    </div>
  )
}

function Feedback({ notice, error }: { notice: string | undefined; error: string | undefined }) {
  if (notice) {
    return (
      <p className="notice" role="status">
        {notice}
      </p>
    )
  }
  if (error) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    )
  }
  return null
}

function PasswordField(props: { name: string; label: string; autoComplete: string; error?: string; hint?: string; minLength?: number }) {
  const errorId = `${props.name}-error`
  const hintId = `${props.name}-hint`
  const describedBy = props.error ? errorId : props.hint ? hintId : undefined
  // The hint and the error sit outside the label: they describe the field, they do not name it.
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <input type="password" id={props.name} name={props.name} autoComplete={props.autoComplete} required minLength={props.minLength} maxLength={PASSWORD_MAX} aria-invalid={props.error ? true : undefined} aria-describedby={describedBy} />
      {props.hint ? (
        <span id={hintId} className="muted">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Your account'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { ...PRIVATE, 'Retry-After': retryAfter } : PRIVATE
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
