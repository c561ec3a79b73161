import { isUndated } from '#app/core/as-of'
import { formatAsOf } from '#app/core/format'
import { useT, useUiLang } from './i18n'

/**
 * A figure's as-of date as readers see it: a <time>, or — for a number its source does not date
 * (decision 026) — "not dated in the source (published …)" with the source's own date as the
 * upper bound. `publishedAt` undefined: the caller does not know the source, so the short form.
 */
export function AsOf({ asOf, publishedAt }: { asOf: string; publishedAt?: string | null }) {
  const t = useT()
  const lang = useUiLang()
  if (!isUndated(asOf)) return <time dateTime={asOf}>{formatAsOf(lang, asOf)}</time>
  if (publishedAt === undefined) return <span className="as-of--undated">{t('asOf.undatedShort')}</span>
  if (publishedAt === null) return <span className="as-of--undated">{t('asOf.undatedNoPublished')}</span>
  return <span className="as-of--undated">{t('asOf.undated', { published: formatAsOf(lang, publishedAt.slice(0, 10)) })}</span>
}
