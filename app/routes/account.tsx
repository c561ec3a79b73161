import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { clientIp, requireSessionUser } from '#app/auth/actor.server'
import { endSession, hashSessionId } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDateTime } from '#app/core/format'
import { translator, type Translate } from '#app/core/i18n/index'
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
import { readFormData } from '#app/http/form-body.server'

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

type Section = 'password' | 'sessions' | 'tokens'
interface ActionResult {
  section: Section | null
  notice?: string
  error?: string
  fieldErrors?: Partial<Record<'currentPassword' | 'newPassword' | 'confirmPassword' | 'name', string>>
  token?: { name: string; value: string }
}

const reply = (status: number, result: ActionResult) => data(result, { status, headers: PRIVATE })

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSessionUser(request)
  const t = translator(getUiLang(request))
  const db = getDb()
  const ip = clientIp(request)
  const form = await readFormData(request)
  const field = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : ''
  }
  switch (form.get('intent')) {
    case 'change-password':
      return changePasswordAction(t, { user, sessionId, ip, current: field('currentPassword'), next: field('newPassword'), confirm: field('confirmPassword') })
    case 'revoke-session':
    case 'revoke-other-sessions': {
      const which = form.get('intent') === 'revoke-other-sessions' ? ('others' as const) : { storedId: field('sessionId') }
      const result = await revokeOwnSessions(db, { user, currentSessionId: sessionId, which, ip })
      if (result.endedCurrent) throw redirect('/', { headers: { 'Set-Cookie': await endSession(sessionId) } })
      if (which === 'others') return reply(200, { section: 'sessions', notice: t('account.sessions.othersRevoked', { count: result.ended }) })
      return result.ended === 1 ? reply(200, { section: 'sessions', notice: t('account.sessions.revoked') }) : reply(404, { section: 'sessions', error: t('account.sessions.gone') })
    }
    case 'create-token': {
      const created = await createPersonalToken(db, { user, name: field('name'), ip, via: 'account' })
      if (created.ok) return reply(201, { section: 'tokens', token: { name: created.name, value: created.token } })
      return created.code === 'too_many'
        ? reply(409, { section: 'tokens', error: t('account.tokens.limit', { max: MAX_TOKENS_PER_USER }) })
        : reply(422, { section: 'tokens', fieldErrors: { name: t('account.tokens.nameMissing') } })
    }
    case 'revoke-token': {
      const revoked = await revokePersonalToken(db, { user, tokenId: field('tokenId'), ip })
      return revoked ? reply(200, { section: 'tokens', notice: t('account.tokens.revoked') }) : reply(404, { section: 'tokens', error: t('account.tokens.gone') })
    }
    default:
      return reply(400, { section: null, error: t('account.unknownIntent') })
  }
}

async function changePasswordAction(
  t: Translate,
  input: { user: { id: string; username: string }; sessionId: string; ip: string | null; current: string; next: string; confirm: string },
) {
  if (input.next !== input.confirm) return reply(422, { section: 'password', fieldErrors: { confirmPassword: t('account.password.mismatch') } })
  const result = await changePassword(getDb(), { user: input.user, sessionId: input.sessionId, currentPassword: input.current, newPassword: input.next, ip: input.ip })
  if (result.ok) return reply(200, { section: 'password', notice: t('account.password.changed', { count: result.endedSessions }) })
  switch (result.reason) {
    case 'throttled':
      return data<ActionResult>({ section: 'password', error: t('account.password.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) }) }, { status: 429, headers: { ...PRIVATE, 'Retry-After': String(result.retryAfterSeconds) } })
    case 'wrong_password':
      return reply(400, { section: 'password', fieldErrors: { currentPassword: t('account.password.wrong') } })
    case 'invalid':
      return reply(422, { section: 'password', fieldErrors: { newPassword: t(`auth.issue.${result.issues[0]!.code}` as 'auth.issue.common') } })
  }
}

export default function Account() {
  const { user, sessions, tokens } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const t = useT()
  const lang = useUiLang()
  const when = (iso: string) => formatDateTime(lang, iso)
  const roleName = (role: Role) => t(`account.role.${role}`)
  const forSection = (section: Section) => (result?.section === section ? result : undefined)
  const password = forSection('password')
  const tokenResult = forSection('tokens')
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
      {result?.section === null && result.error ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}

      <section aria-labelledby="sessions-title" className="account__section">
        <h2 id="sessions-title">{t('account.sessions.title')}</h2>
        <p>{t('account.sessions.intro')}</p>
        <Feedback result={forSection('sessions')} />
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
        <Feedback result={password} />
        {/* A new key after each success empties the fields. */}
        <Form method="post" className="stack" key={password?.notice ?? 'password'}>
          <input type="hidden" name="intent" value="change-password" />
          {/* Lets password managers tie the new password to the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <PasswordField name="currentPassword" label={t('account.password.current')} autoComplete="current-password" error={password?.fieldErrors?.currentPassword} />
          <PasswordField name="newPassword" label={t('account.password.new')} autoComplete="new-password" error={password?.fieldErrors?.newPassword} hint={t('auth.password.hint', { min: PASSWORD_MIN })} minLength={PASSWORD_MIN} />
          <PasswordField name="confirmPassword" label={t('account.password.confirm')} autoComplete="new-password" error={password?.fieldErrors?.confirmPassword} minLength={PASSWORD_MIN} />
          <button type="submit" className="primary">
            {t('account.password.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="tokens-title" className="account__section">
        <h2 id="tokens-title">{t('account.tokens.title')}</h2>
        <p>{t('account.tokens.intro')}</p>
        <Feedback result={tokenResult} />
        {tokenResult?.token ? (
          <div className="notice account__token" role="status">
            <p>{t('account.tokens.created')}</p>
            <label>
              {t('account.tokens.createdLabel')} ({tokenResult.token.name})
              <input type="text" readOnly value={tokenResult.token.value} className="account__token-value" spellCheck={false} autoComplete="off" />
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
        <Form method="post" className="stack" key={tokenResult?.token?.value ?? 'new-token'}>
          <input type="hidden" name="intent" value="create-token" />
          <div className="field">
            <label htmlFor="token-name">{t('account.tokens.name')}</label>
            <input
              type="text"
              id="token-name"
              name="name"
              required
              maxLength={TOKEN_NAME_MAX}
              aria-invalid={tokenResult?.fieldErrors?.name ? true : undefined}
              aria-describedby={tokenResult?.fieldErrors?.name ? 'token-name-error' : 'token-name-hint'}
            />
            <span id="token-name-hint" className="muted">
              {t('account.tokens.nameHint')}
            </span>
            {tokenResult?.fieldErrors?.name ? (
              <span id="token-name-error" className="field-error">
                {tokenResult.fieldErrors.name}
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

function Feedback({ result }: { result: ActionResult | undefined }) {
  if (result?.notice) {
    return (
      <p className="notice" role="status">
        {result.notice}
      </p>
    )
  }
  if (result?.error) {
    return (
      <p className="form-error" role="alert">
        {result.error}
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
