import type { Lang } from '../lang'

const rules = new Map<Lang, Intl.PluralRules>()

/** Chooses the plural form of `count` by the language's CLDR rules (French counts 0 as "one"). */
export function plural(lang: Lang, count: number, forms: { one: string; other: string }): string {
  let rule = rules.get(lang)
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)))
  return rule.select(count) === 'one' ? forms.one : forms.other
}
