import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { getActor } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { RevisionRefLink } from '#app/components/history'
import { useT, useUiLang } from '#app/components/i18n'
import { FilterForm, FilterSelect, FilterText, ModerationNav } from '#app/components/moderation'
import { formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { LOG_ACTIONS, parseLogFilters, type LogActionFilter } from '#app/core/moderation-filters'
import { can } from '#app/core/permissions'
import { PROTECTION_LEVELS } from '#app/core/protection'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getRevisionRefs } from '#app/models/revisions.server'
import { listLog } from '#app/models/moderation.server'
import css from '#app/styles/moderation.css?url'
import { NO_HYDRATION } from '#app/components/hydration'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

const PAGE_SIZE = 50

/** The public moderation log: anyone may read every decision and its reason. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request)
  const t = translator(getUiLang(request))
  const url = new URL(request.url)
  const filters = parseLogFilters(url.searchParams)
  const rows = await listLog(getDb(), { action: filters.action ?? undefined, pageSlug: filters.page ?? undefined, moderator: filters.moderator, before: filters.before, limit: PAGE_SIZE + 1 })
  const shown = rows.slice(0, PAGE_SIZE)
  const last = shown[shown.length - 1]
  const next = rows.length > PAGE_SIZE && last ? new URLSearchParams([...[...url.searchParams].filter(([k]) => k !== 'before'), ['before', last.id]]).toString() : null
  return {
    title: t('log.title'),
    moderator: can(actor, 'revision.review'),
    filters: { action: filters.action ?? '', page: filters.page ?? '', moderator: filters.moderator ?? '' },
    filtered: filters.action !== null || filters.page !== null || filters.moderator !== null,
    next,
    revisions: await getRevisionRefs(getDb(), shown.flatMap((e) => (e.revisionId ? [e.revisionId] : []))),
    entries: shown.map((e) => {
      const level = typeof e.detail?.level === 'string' && (PROTECTION_LEVELS as readonly string[]).includes(e.detail.level) ? (e.detail.level as (typeof PROTECTION_LEVELS)[number]) : null
      return {
        id: e.id,
        action: (LOG_ACTIONS as readonly string[]).includes(e.action) ? (e.action as LogActionFilter) : null,
        rawAction: e.action,
        actor: e.actor,
        page: e.page,
        revisionId: e.revisionId,
        targetUser: e.targetUser,
        reason: e.reason,
        target: typeof e.detail?.target === 'string' ? e.detail.target : null,
        moved: e.action === 'page.move' && typeof e.detail?.from === 'string' && typeof e.detail?.to === 'string' ? { from: e.detail.from, to: e.detail.to } : null,
        alsoPublished: Array.isArray(e.detail?.alsoPublished) ? e.detail.alsoPublished.length : 0,
        superseded: e.action === 'revision.approve' && Array.isArray(e.detail?.superseded) ? e.detail.superseded.length : 0,
        protection: level ? { level, until: typeof e.detail?.expiresAt === 'string' ? e.detail.expiresAt : null } : null,
        createdAt: e.createdAt,
      }
    }),
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function ModerationLog() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  return (
    <div className="moderation">
      <ModerationNav moderator={data.moderator} />
      <h1>{t('log.title')}</h1>
      <p className="muted">{t('log.intro')}</p>
      <FilterForm legend={t('log.filter.legend')} resetTo={data.filtered ? '/moderation/log' : null}>
        <FilterSelect label={t('log.filter.action')} name="action" value={data.filters.action} options={LOG_ACTIONS.map((a) => ({ value: a, label: t(`log.action.${a}`) }))} />
        <FilterText label={t('log.filter.page')} name="page" value={data.filters.page} maxLength={200} />
        <FilterText label={t('log.filter.moderator')} name="moderator" value={data.filters.moderator} maxLength={64} />
      </FilterForm>
      {data.entries.length === 0 ? (
        <p className="notice">{t('log.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="log-caption">
          <table className="data mod-log">
            <caption id="log-caption">{t('log.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('log.col.when')}</th>
                <th scope="col">{t('log.col.action')}</th>
                <th scope="col">{t('log.col.moderator')}</th>
                <th scope="col">{t('log.col.subject')}</th>
                <th scope="col">{t('log.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id} data-entry={e.id} data-action={e.rawAction}>
                  <td>
                    <time dateTime={e.createdAt}>{formatDateTime(lang, e.createdAt)}</time>
                  </td>
                  <td>{e.action ? t(`log.action.${e.action}`) : e.rawAction}</td>
                  <td>{e.actor ?? <span className="muted">{t('log.system')}</span>}</td>
                  <td>
                    {e.page ? <Link to={`/pages/${e.page.slug}`}>{e.page.title}</Link> : null}
                    {e.page && e.revisionId ? (
                      <>
                        {' · '}
                        {t('log.revision')} <RevisionRefLink slug={e.page.slug} id={e.revisionId} refs={data.revisions} />
                      </>
                    ) : null}
                    {e.target ? <div>“{e.target}”</div> : null}
                    {e.moved ? <div>{t('log.moved', e.moved)}</div> : null}
                    {e.alsoPublished > 0 ? <div>{t('log.alsoPublished', { count: e.alsoPublished })}</div> : null}
                    {e.superseded > 0 ? <div>{t('log.superseded', { count: e.superseded })}</div> : null}
                    {e.protection ? (
                      <div>
                        {e.protection.until
                          ? t('log.protectedUntil', { level: t(`protect.level.${e.protection.level}`), until: formatDateTime(lang, e.protection.until) })
                          : t('log.protectedForever', { level: t(`protect.level.${e.protection.level}`) })}
                      </div>
                    ) : null}
                    {e.targetUser ? <div>{t('log.user', { name: e.targetUser })}</div> : null}
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.next ? (
        <p>
          <Link to={`/moderation/log?${data.next}`}>{t('log.more')}</Link>
        </p>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Moderation log'} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
