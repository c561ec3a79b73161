import { Form } from '@remix-run/react'
import { LANG_NAMES, LANGS } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { useT } from './i18n'

/**
 * One button per language in a plain form: one click switches, with or without JavaScript, and
 * the choice is kept in a cookie. Each button is named in its own language.
 */
export function LanguageSwitcher({ current, redirectTo }: { current: Lang; redirectTo: string }) {
  const t = useT()
  return (
    <Form method="post" action="/language" className="language-switcher" reloadDocument aria-label={t('lang.label')}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {LANGS.map((lang) => (
        <button key={lang} type="submit" name="lang" value={lang} lang={lang} aria-pressed={lang === current} title={t('lang.choose', { name: LANG_NAMES[lang] })}>
          {lang.toUpperCase()}
          <span className="visually-hidden"> {LANG_NAMES[lang]}</span>
        </button>
      ))}
    </Form>
  )
}
