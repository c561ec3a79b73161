import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { revisionName } from '#app/components/history'
import { useT, useUiLang } from '#app/components/i18n'
import { ElapsedText, FilterForm, FilterSelect, FilterText, FindingChips, ModerationNav } from '#app/components/moderation'
import { elapsed } from '#app/core/elapsed'
import { translator } from '#app/core/i18n/index'
import { LANGS } from '#app/core/lang'
import { AGE_FILTERS, ageWindow, FINDING_FILTERS, parseQueueFilters, queueCursor } from '#app/core/moderation-filters'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { countQueue, getAuthorRecords, listQueue } from '#app/models/moderation-queue.server'
import { countOpenReports } from '#app/models/reports.server'
import css from '#app/styles/moderation.css?url'
import { loadConflicts } from '#app/views/claims-view.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

const PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAbility(request, 'revision.review')
  const lang = getUiLang(request)
  const t = translator(lang)
  const url = new URL(request.url)
  const filters = parseQueueFilters(url.searchParams)
  const now = new Date()
  const db = getDb()
  const [rows, counts, openReports, conflicts] = await Promise.all([listQueue(db, filters, ageWindow(filters.age, now), PAGE_SIZE + 1), countQueue(db), countOpenReports(db), loadConflicts(db, lang, t)])
  const shown = rows.slice(0, PAGE_SIZE)
  const records = await getAuthorRecords(db, shown.map((r) => r.author.id))
  const last = shown[shown.length - 1]
  const next = rows.length > PAGE_SIZE && last ? new URLSearchParams([...[...url.searchParams].filter(([k]) => k !== 'after'), ['after', queueCursor(last)]]).toString() : null
  return {
    title: t('mod.queue.title'),
    filters: { lang: filters.lang ?? '', finding: filters.finding ?? '', age: filters.age ?? '', page: filters.page ?? '' },
    filtered: filters.lang !== null || filters.finding !== null || filters.age !== null || filters.page !== null,
    counts: { ...counts, reports: openReports },
    next,
    conflicts,
    rows: shown.map((r) => ({
      id: r.id,
      page: r.page,
      author: { username: r.author.username, role: r.author.role, accountAge: elapsed(r.author.createdAt, now), record: records.get(r.author.id) ?? { approved: 0, rejected: 0, pending: 0 } },
      summary: r.summary,
      waiting: elapsed(r.createdAt, now),
      createdAt: r.createdAt,
      riskScore: r.riskScore,
      findingCounts: r.findingCounts,
      findingSamples: r.findingSamples,
    })),
  }
}

/** Pending revisions by page, the pages in the queue's order (the riskiest revision's page first). */
function groupByPage<R extends { page: { slug: string; title: string; lang: string } }>(rows: readonly R[]): Array<{ page: R['page']; rows: R[] }> {
  const groups = new Map<string, { page: R['page']; rows: R[] }>()
  for (const row of rows) {
    const group = groups.get(row.page.slug) ?? { page: row.page, rows: [] as R[] }
    group.rows.push(row)
    groups.set(row.page.slug, group)
  }
  return [...groups.values()]
}

export default function ModerationQueue() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  return (
    <div className="moderation">
      <ModerationNav moderator />
      <h1>{t('mod.queue.title')}</h1>
      <p className="muted">{t('mod.queue.intro')}</p>
      <ul className="mod-counts">
        <li>{t('mod.count.pending', { count: data.counts.pending })}</li>
        <li>{t('mod.count.uncited', { count: data.counts.uncited })}</li>
        <li>{t('mod.count.marketing', { count: data.counts.marketing })}</li>
        <li>
          <Link to="/moderation/reports">{t('mod.count.reports', { count: data.counts.reports })}</Link>
        </li>
      </ul>
      <FilterForm legend={t('mod.filter.legend')} resetTo={data.filtered ? '/moderation' : null}>
        <FilterSelect label={t('mod.filter.lang')} name="lang" value={data.filters.lang} options={LANGS.map((l) => ({ value: l, label: t(`lang.name.${l}`) }))} />
        <FilterSelect label={t('mod.filter.finding')} name="finding" value={data.filters.finding} options={FINDING_FILTERS.map((k) => ({ value: k, label: t(`mod.finding.${k}`) }))} />
        <FilterSelect label={t('mod.filter.age')} name="age" value={data.filters.age} options={AGE_FILTERS.map((a) => ({ value: a, label: t(`mod.age.${a}`) }))} />
        <FilterText label={t('mod.filter.page')} name="page" value={data.filters.page} maxLength={200} />
      </FilterForm>
      {data.rows.length === 0 ? (
        <p className="notice">{data.filtered ? t('mod.queue.emptyFiltered') : t('mod.queue.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="queue-caption">
          <table className="data mod-queue">
            <caption id="queue-caption">{t('mod.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mod.col.risk')}</th>
                <th scope="col">{t('mod.col.revision')}</th>
                <th scope="col">{t('mod.col.author')}</th>
                <th scope="col">{t('mod.col.summary')}</th>
                <th scope="col">{t('mod.col.age')}</th>
                <th scope="col">{t('mod.col.findings')}</th>
              </tr>
            </thead>
            {groupByPage(data.rows).map((group) => (
              <tbody key={group.page.slug} className="mod-queue__group">
                <tr className="mod-queue__page">
                  <th scope="rowgroup" colSpan={6}>
                    <Link to={`/pages/${group.page.slug}?revision=latest`} lang={group.page.lang}>
                      {group.page.title}
                    </Link>{' '}
                    <span className="muted">
                      /{group.page.slug} · {t('mod.queue.pendingOnPage', { count: group.rows.length })}
                    </span>
                  </th>
                </tr>
                {group.rows.map((r) => (
                  <tr key={r.id} data-revision={r.id}>
                    <td className="mod-risk">{r.riskScore}</td>
                    <td>
                      <Link to={`/moderation/revisions/${r.id}`}>
                        <span className="visually-hidden">{t('mod.queue.review', { title: r.page.title })}, </span>
                        {revisionName(t, lang, { id: r.id, createdAt: r.createdAt, author: r.author.username })}
                      </Link>
                    </td>
                    <td>
                      <Link to={`/users/${encodeURIComponent(r.author.username)}`}>{r.author.username}</Link>
                      <div className="muted">{t(`mod.role.${r.author.role}`)}</div>
                      <div className="muted">
                        {t('mod.author.record', {
                          age: t(`mod.duration.${r.author.accountAge.unit}`, { n: r.author.accountAge.n }),
                          approved: r.author.record.approved,
                          rejected: r.author.record.rejected,
                        })}
                      </div>
                    </td>
                    <td>{r.summary || <span className="muted">{t('mod.noSummary')}</span>}</td>
                    <td>
                      <time dateTime={r.createdAt}>
                        <ElapsedText value={r.waiting} />
                      </time>
                    </td>
                    <td>
                      <FindingChips counts={r.findingCounts} samples={r.findingSamples} lang={r.page.lang} />
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {data.next ? (
        <p>
          <Link to={`/moderation?${data.next}`}>{t('mod.queue.more')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="claim-conflicts" className="claim-conflicts">
        <h2 id="claim-conflicts">{t('conflicts.title')}</h2>
        <p className="muted">{t('conflicts.intro')}</p>
        {data.conflicts.length === 0 ? <p className="muted">{t('conflicts.none')}</p> : (
          <ul>
            {data.conflicts.map((c) => (
              <li key={c.key} data-conflict={c.key}>
                <Link to={`/products/${c.product.slug}`}>{c.product.name}</Link> · <Link to={`/metrics/${c.metric.slug}`}>{c.metric.name}</Link> · {c.period}
                <ul>
                  {c.claims.map((claim) => (
                    <li key={claim.id}>
                      <a href={claim.href}><strong>{claim.value}</strong></a> · {claim.date} · {claim.source} · {claim.page}
                    </li>
                  ))}
                  {c.more > 0 ? <li><Link to={`/products/${c.product.slug}`}>{t('conflicts.more', { count: c.more, atLeast: c.moreAtLeast })}</Link></li> : null}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Moderation'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
