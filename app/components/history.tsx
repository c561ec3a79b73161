import { Link } from '#app/components/link'
import type { RevisionStatus } from '#app/core/content'
import type { Lang } from '#app/core/lang'
import { formatDateTime, formatNumber, revisionNumber } from '#app/core/format'
import type { RevisionRef } from '#app/models/revisions.server'
import type { RevisionRowView } from '#app/presenters/revision-row'
import { useT, useUiLang } from './i18n'

export const revisionPath = (slug: string, id: string) => `/pages/${slug}/revisions/${id}`
export const diffPath = (slug: string, to: string, from: string | null) => `/pages/${slug}/diff?${from ? `from=${from}&` : ''}to=${to}`
const userPath = (username: string) => `/users/${encodeURIComponent(username)}`

export function StatusBadge({ status }: { status: RevisionStatus }) {
  const t = useT()
  return <span className={`status status--${status}`}>{t(`history.status.${status}`)}</span>
}

// A change of more than this many bytes is shown in bold, as MediaWiki does, to catch the eye.
const BIG_CHANGE = 1000

/** Bytes added or removed: a sign and a number, coloured too — never colour alone. */
export function SizeChange({ change }: { change: number | null }) {
  const t = useT()
  const lang = useUiLang()
  if (change === null) return <span className="size-delta size-delta--up">{t('history.new')}</span>
  const size = formatNumber(lang, Math.abs(change))
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'same'
  const text = change > 0 ? t('history.sizeUp', { size }) : change < 0 ? t('history.sizeDown', { size }) : t('history.sizeSame')
  return <span className={`size-delta size-delta--${direction}${Math.abs(change) > BIG_CHANGE ? ' size-delta--big' : ''}`}>{text}</span>
}

export function RevisionTime({ iso }: { iso: string }) {
  const lang = useUiLang()
  return <time dateTime={iso}>{formatDateTime(lang, iso)}</time>
}

/** A revision in words: its date, its author and its short number ("3 Dec 2026, 14:05 by alice (#7xq2mz)"). */
export function revisionName(t: ReturnType<typeof useT>, lang: Lang, ref: RevisionRef): string {
  return t('revision.name', { date: formatDateTime(lang, ref.createdAt), author: ref.author, number: revisionNumber(ref.id) })
}

/** A link to a revision, named in words; a revision not known by its date (removed since) keeps its number. */
export function RevisionRefLink({ slug, id, refs }: { slug: string; id: string; refs: Readonly<Record<string, RevisionRef>> }) {
  const t = useT()
  const lang = useUiLang()
  const ref = refs[id]
  return <Link to={revisionPath(slug, id)}>{ref ? revisionName(t, lang, ref) : revisionNumber(id)}</Link>
}

/** The short number after a revision's date, in lists where two revisions may share a minute. */
export function RevisionNumber({ id }: { id: string }) {
  return <span className="rev-number">{revisionNumber(id)}</span>
}

export function UserLink({ username }: { username: string }) {
  return <Link to={userPath(username)}>{username}</Link>
}

/** The edit summary, or a muted "no summary", and what the revision restores (named in words when the loader looked it up). */
export function Summary({ row }: { row: Pick<RevisionRowView, 'summary' | 'restoresRevisionId'> & Partial<Pick<RevisionRowView, 'contentHidden' | 'summaryHidden'>> & { page: { slug: string }; restores?: RevisionRef | null } }) {
  const t = useT()
  return (
    <span className="history-summary">
      {row.summaryHidden ? <span className="muted hidden-mark">({t('hidden.summary')})</span> : row.summary ? row.summary : <span className="muted">{t('history.noSummary')}</span>}
      {row.contentHidden ? <span className="muted hidden-mark"> ({t('hidden.content')})</span> : null}
      {row.restoresRevisionId ? (
        <>
          {' '}
          ({t('history.restores')} <RevisionRefLink slug={row.page.slug} id={row.restoresRevisionId} refs={row.restores ? { [row.restores.id]: row.restores } : {}} />)
        </>
      ) : null}
    </span>
  )
}

/** The link to what a revision changed (against its parent), named for screen readers by its time. */
export function ChangesLink({ row }: { row: Pick<RevisionRowView, 'id' | 'parentId' | 'createdAt' | 'page'> }) {
  const t = useT()
  const lang = useUiLang()
  return (
    <Link to={diffPath(row.page.slug, row.id, row.parentId)}>
      {t('history.changes')}
      <span className="visually-hidden"> {t('history.changesOf', { time: formatDateTime(lang, row.createdAt) })}</span>
    </Link>
  )
}

/** Keyset pagination: back to the newest, on to older. Links keep the list's filters. */
export function Pager({ newest, older }: { newest: string | null; older: string | null }) {
  const t = useT()
  if (!newest && !older) return null
  return (
    <nav className="pager" aria-label={t('history.pagination')}>
      {newest ? <Link to={newest}>{t('history.newest')}</Link> : null}
      {older ? (
        <Link to={older} rel="next">
          {t('history.older')}
        </Link>
      ) : null}
    </nav>
  )
}

/** Revisions across pages (contributions, recent changes): each links to its page, itself and its changes. */
export function RevisionListTable({ rows, showAuthor }: { rows: Array<RevisionRowView & { rejection?: string | null; restores?: RevisionRef | null }>; showAuthor: boolean }) {
  const t = useT()
  return (
    <table className="data history-table">
      <thead>
        <tr>
          <th scope="col">{t('history.col.time')}</th>
          <th scope="col">{t('history.col.page')}</th>
          {showAuthor ? <th scope="col">{t('history.col.author')}</th> : null}
          <th scope="col">{t('history.col.summary')}</th>
          <th scope="col" className="col-num">{t('history.col.change')}</th>
          <th scope="col">{t('history.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link to={revisionPath(row.page.slug, row.id)}>
                <RevisionTime iso={row.createdAt} /> <RevisionNumber id={row.id} />
              </Link>
              {' · '}
              <ChangesLink row={row} />
            </td>
            <td>
              <Link to={`/pages/${row.page.slug}`} lang={row.page.lang}>
                {row.page.title}
              </Link>
            </td>
            {showAuthor ? (
              <td>
                <UserLink username={row.author} />
              </td>
            ) : null}
            <td>
              <Summary row={row} />
            </td>
            <td className="col-num">
              <SizeChange change={row.sizeChange} />
            </td>
            <td>
              <StatusBadge status={row.status} />
              {row.rejection ? <p className="rejection-reason">{t('reading.rejectedBecause', { reason: row.rejection })}</p> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const SLOT = '\u0000'

/**
 * A translated sentence around a text in another language (a page title in a UI heading): the
 * title keeps its own `lang` so screen readers pronounce it right (WCAG 3.1.2).
 */
export function WithForeignText({ message, text, lang }: { message: (slot: string) => string; text: string; lang: string }) {
  const [before = '', after = ''] = message(SLOT).split(SLOT)
  return (
    <>
      {before}
      <span lang={lang}>{text}</span>
      {after}
    </>
  )
}
