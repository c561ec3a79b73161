import { useSearchParams } from '@remix-run/react'
import { useT } from './i18n'

const OUTCOMES = ['published', 'pending', 'uncited'] as const

/** What became of a save, shown on the page the editor returned to (`?saved=…` from the edit routes). */
export function SaveNotice() {
  const t = useT()
  const [params] = useSearchParams()
  const saved = params.get('saved')
  if (!OUTCOMES.includes(saved as (typeof OUTCOMES)[number])) return null
  return (
    <div className={saved === 'uncited' ? 'banner' : 'notice save-notice'} role="status">
      <p>
        {t(`saveNotice.${saved as (typeof OUTCOMES)[number]}`)}
        {params.get('merged') === '1' ? <> {t('saveNotice.merged')}</> : null}
      </p>
    </div>
  )
}
