/** The languages of the UI and of page content. */
export const LANGS = ['en', 'de', 'fr'] as const
export type Lang = (typeof LANGS)[number]

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}
