import { buildAtomFeed, type AtomEntry } from '#app/core/atom'
import { feedEntryHtml } from '#app/core/feed-entry'
import { formatNumber } from '#app/core/format'
import { escapeHtml } from '#app/core/html'
import { translator, type Translate } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { diffRevisions, renderBodyDiff } from '#app/core/revision-diff'
import { referencedSourceIds } from '#app/core/source-refs'
import type { DB } from '../models/db.server'
import { diffLabels } from './diff-view.server'
import { getRevisionContents, listPageHistory, listRecentChanges, type HistoryEntry } from '../models/history.server'
import { getPageBySlug } from '../models/pages.server'
import { cachedRender } from './render-cache.server'
import { getSourcesByIds } from '../models/sources.server'

const FEED_ENTRIES = 50
// A feed is polled often; diffs of huge revisions would make every poll slow for every
// reader. Above this size the entry links to the diff instead of carrying it.
const MAX_DIFF_BYTES = 200_000

export interface FeedContext {
  /** The configured public origin (never the request's Host header): feed URLs are absolute. */
  origin: string
  lang: Lang
}

const path = {
  page: (slug: string) => `/pages/${encodeURIComponent(slug)}`,
  revision: (slug: string, id: string) => `/pages/${encodeURIComponent(slug)}/revisions/${id}`,
  diff: (slug: string, id: string, parentId: string | null) => `/pages/${encodeURIComponent(slug)}/diff?${parentId ? `from=${parentId}&` : ''}to=${id}`,
  user: (username: string) => `/users/${encodeURIComponent(username)}`,
}

function sizeChangeLabel(t: Translate, lang: Lang, entry: Pick<HistoryEntry, 'size' | 'parentSize'>): string {
  const delta = entry.size - (entry.parentSize ?? 0)
  const size = formatNumber(lang, Math.abs(delta))
  return delta > 0 ? t('history.sizeUp', { size }) : delta < 0 ? t('history.sizeDown', { size }) : t('history.sizeSame')
}

async function entriesOf(db: DB, list: HistoryEntry[], ctx: FeedContext): Promise<AtomEntry[]> {
  const t = translator(ctx.lang)
  const small = list.filter((e) => e.size <= MAX_DIFF_BYTES && (e.parentSize ?? 0) <= MAX_DIFF_BYTES)
  const contents = await getRevisionContents(db, small.flatMap((e) => (e.parentId ? [e.id, e.parentId] : [e.id])))
  const sources = await getSourcesByIds(db, [...contents.values()].flatMap((c) => referencedSourceIds(c.body)))
  // Feed readers show no site stylesheet, so the screen-reader labels would show as text: <ins>
  // and <del> speak for themselves there.
  const labels = { ...diffLabels(t, (id) => sources.get(id)?.title), addedStart: '', addedEnd: '', removedStart: '', removedEnd: '' }
  return list.map((e) => {
    const after = contents.get(e.id)
    const before = e.parentId ? contents.get(e.parentId) : null
    const diff = after && before !== undefined ? diffRevisions(before, after) : null
    const bodyDiffHtml = diff ? cachedRender(`feed-diff:${e.parentId ?? 'none'}:${e.id}:${ctx.lang}`, () => renderBodyDiff(diff.body, labels)) : null
    const summary = e.summaryHidden ? `(${t('hidden.summary')})` : e.summary || t('history.noSummary')
    const facts = [t('feed.status', { status: t(`history.status.${e.status}`) }), t('feed.size', { change: sizeChangeLabel(t, ctx.lang, e) })]
    if (e.restoresRevisionId) facts.push(t('feed.restores', { id: e.restoresRevisionId }))
    return {
      id: ctx.origin + path.revision(e.page.slug, e.id),
      title: t('feed.entryTitle', { page: e.page.title, summary }),
      updated: e.createdAt,
      link: ctx.origin + path.diff(e.page.slug, e.id, e.parentId),
      author: { name: e.author.username, uri: ctx.origin + path.user(e.author.username) },
      summary,
      contentHtml: feedEntryHtml({
        summary,
        facts,
        meta: diff?.meta ?? null,
        metaLabels: { title: t('diff.field.title'), summary: t('diff.field.summary') },
        bodyDiffHtml: diff ? (diff.bodyUnchanged ? `<p>${escapeHtml(t('diff.textUnchanged'))}</p>` : bodyDiffHtml) : null,
        // Hidden snapshots are left out of `contents`, so their entries carry no diff (decision 028).
        tooLarge: e.contentHidden || (e.parentId !== null && !contents.has(e.parentId) && small.includes(e)) ? t('hidden.diffNotice') : t('feed.tooLarge'),
        labels,
      }),
    }
  })
}

/** Atom feed of the newest revisions across the wiki. */
export async function recentChangesFeed(db: DB, ctx: FeedContext): Promise<string> {
  const t = translator(ctx.lang)
  const { entries } = await listRecentChanges(db, { limit: FEED_ENTRIES })
  const self = `${ctx.origin}/feeds/recent-changes.atom`
  return buildAtomFeed({
    id: self,
    title: t('feed.recentTitle'),
    subtitle: t('recent.intro'),
    updated: entries[0]?.createdAt ?? new Date(0).toISOString(),
    self,
    alternate: `${ctx.origin}/recent-changes`,
    lang: ctx.lang,
    entries: await entriesOf(db, entries, ctx),
  })
}

/** Atom feed of one page's newest revisions; null when there is no such page. */
export async function pageHistoryFeed(db: DB, slug: string, ctx: FeedContext): Promise<string | null> {
  const page = await getPageBySlug(db, slug)
  if (!page) return null
  const t = translator(ctx.lang)
  const { entries } = await listPageHistory(db, page.id, { limit: FEED_ENTRIES })
  const self = `${ctx.origin}${path.page(page.slug)}/history.atom`
  return buildAtomFeed({
    id: self,
    title: t('feed.historyTitle', { title: page.title }),
    updated: entries[0]?.createdAt ?? page.createdAt,
    self,
    alternate: `${ctx.origin}${path.page(page.slug)}/history`,
    lang: ctx.lang,
    entries: await entriesOf(db, entries, ctx),
  })
}
