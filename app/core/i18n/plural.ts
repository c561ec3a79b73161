import type { Lang } from '../lang'

const rules = new Map<Lang, Intl.PluralRules>()
const numbers = new Map<Lang, Intl.NumberFormat>()

/**
 * Chooses the plural form of `count` by the language's CLDR rules (French counts 0 as "one"), and
 * writes the count where the form has `#` (as in ICU messages), formatted for the language:
 * "1,500 sources" in English, "1.500 Quellen" in German, "1 500 sources" in French.
 */
export function plural(lang: Lang, count: number, forms: { one: string; other: string }): string {
  let rule = rules.get(lang)
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)))
  let format = numbers.get(lang)
  if (!format) numbers.set(lang, (format = new Intl.NumberFormat(lang)))
  return (rule.select(count) === 'one' ? forms.one : forms.other).replace('#', format.format(count))
}
