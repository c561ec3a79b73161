import { Form } from '@remix-run/react'
import { useId } from 'react'
import { LANG_NAMES, LANGS } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { useT } from './i18n'

/** A plain form, so the switch works without JavaScript; the choice is kept in a cookie. */
export function LanguageSwitcher({ current, redirectTo }: { current: Lang; redirectTo: string }) {
  const t = useT()
  const id = useId()
  return (
    <Form method="post" action="/language" className="language-switcher" reloadDocument>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} name="lang" defaultValue={current}>
        {LANGS.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANG_NAMES[lang]}
          </option>
        ))}
      </select>
      <button type="submit">{t('lang.submit')}</button>
    </Form>
  )
}
