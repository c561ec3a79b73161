import { Form, NavLink } from '@remix-run/react'
import { Link } from '#app/components/link'
import type { ReactNode } from 'react'
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

/**
 * The GET filter form of the moderation pages (queue, reports, log): every filter is a bookmarkable
 * URL. `resetTo` shows a link back to the unfiltered list (pass it only while a filter is set).
 */
export function FilterForm({ legend, resetTo, children }: { legend: string; resetTo?: string | null; children: ReactNode }) {
  const t = useT()
  return (
    <Form method="get" className="mod-filters">
      <fieldset>
        <legend>{legend}</legend>
        {children}
        <div className="mod-filters__actions">
          <button type="submit" className="primary">
            {t('mod.filter.submit')}
          </button>
          {resetTo ? <Link to={resetTo}>{t('mod.filter.reset')}</Link> : null}
        </div>
      </fieldset>
    </Form>
  )
}

/** A select of a filter form; `anyOption` adds a first, empty choice meaning "no filter". */
export function FilterSelect({ label, name, value, options, anyOption = true }: { label: string; name: string; value: string; options: ReadonlyArray<{ value: string; label: string }>; anyOption?: boolean }) {
  const t = useT()
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        {anyOption ? <option value="">{t('mod.filter.any')}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** A free-text field of a filter form (a page's address name, a moderator's name). */
export function FilterText({ label, name, value, maxLength }: { label: string; name: string; value: string; maxLength: number }) {
  return (
    <label>
      {label}
      <input type="text" name={name} defaultValue={value} maxLength={maxLength} />
    </label>
  )
}

export function ElapsedText({ value }: { value: Elapsed }) {
  const t = useT()
  return <>{t(`mod.duration.${value.unit}`, { n: value.n })}</>
}

/**
 * One chip per kind of finding, in a fixed order; the text says what the colour says. With
 * `samples`, each chip also shows the flagged words (in the content's language), so a moderator
 * sees "leading" and the uncited "5,000" without opening the revision.
 */
export function FindingChips({ counts, samples, lang }: { counts: Partial<Record<FindingKind, number>>; samples?: Partial<Record<FindingKind, string[]>>; lang?: string }) {
  const t = useT()
  const present = FINDING_FILTERS.filter((kind) => (counts[kind] ?? 0) > 0)
  if (present.length === 0) return <span className="muted">{t('mod.noFindings')}</span>
  return (
    <ul className="chips">
      {present.map((kind) => {
        const words = samples?.[kind] ?? []
        return (
          <li key={kind} className={`chip chip--${kind}`}>
            {t('mod.chip', { label: t(`mod.finding.${kind}`), count: counts[kind] ?? 0 })}
            {words.map((word, i) => (
              <span key={i}>
                {i === 0 ? ' — ' : ', '}
                <q lang={lang}>{word}</q>
              </span>
            ))}
          </li>
        )
      })}
    </ul>
  )
}
