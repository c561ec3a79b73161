import { formatDate } from '#app/core/format'
import { BROKEN_STATUSES, type LinkStatus } from '#app/core/link-check'
import { useT, useUiLang } from './i18n'

/** What the link checker last found about a quote: shown beside the quote wherever it appears. */
export function QuoteCheckNote({ found, checkedAt }: { found: boolean | null | undefined; checkedAt: string | null | undefined }) {
  const t = useT()
  const lang = useUiLang()
  if (!checkedAt || found === undefined) return null
  const date = formatDate(lang, checkedAt)
  if (found === true) return <p className="quote-check quote-check--found">{t('quote.foundAsOf', { date })}</p>
  if (found === false) return <p className="quote-check quote-check--missing">{t('quote.missingAsOf', { date })}</p>
  return <p className="quote-check quote-check--unknown">{t('quote.uncheckedAsOf', { date })}</p>
}

/** A link status that means readers cannot reach the source. */
export function isBrokenLink(status: string | null | undefined): boolean {
  return BROKEN_STATUSES.includes(status as LinkStatus)
}
