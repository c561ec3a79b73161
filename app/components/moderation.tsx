import { NavLink } from '@remix-run/react'
import type { FindingKind } from '#app/core/analyse'
import type { Elapsed } from '#app/core/elapsed'
import { FINDING_FILTERS } from '#app/core/moderation-filters'
import { useT } from './i18n'

/** The moderation pages' own navigation; the log is public, the rest is for moderators. */
export function ModerationNav({ moderator }: { moderator: boolean }) {
  const t = useT()
  return (
    <nav className="mod-nav" aria-label={t('mod.nav.label')}>
      {moderator ? (
        <>
          <NavLink to="/moderation" end>
            {t('mod.nav.queue')}
          </NavLink>
          <NavLink to="/moderation/reports">{t('mod.nav.reports')}</NavLink>
        </>
      ) : null}
      <NavLink to="/moderation/log">{t('mod.nav.log')}</NavLink>
    </nav>
  )
}

export function ElapsedText({ value }: { value: Elapsed }) {
  const t = useT()
  return <>{t(`mod.duration.${value.unit}`, { n: value.n })}</>
}

/** One chip per kind of finding, in a fixed order; the text says what the colour says. */
export function FindingChips({ counts }: { counts: Partial<Record<FindingKind, number>> }) {
  const t = useT()
  const present = FINDING_FILTERS.filter((kind) => (counts[kind] ?? 0) > 0)
  if (present.length === 0) return <span className="muted">{t('mod.noFindings')}</span>
  return (
    <ul className="chips">
      {present.map((kind) => (
        <li key={kind} className={`chip chip--${kind}`}>
          {t('mod.chip', { label: t(`mod.finding.${kind}`), count: counts[kind] ?? 0 })}
        </li>
      ))}
    </ul>
  )
}
