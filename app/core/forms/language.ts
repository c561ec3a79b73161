import { z } from 'zod'
import { LANGS } from '#app/core/lang'

/** The language switcher: one of the UI languages, and the page to go back to. */
export const LanguageSchema = z.object({
  lang: z.enum(LANGS),
  redirectTo: z.string().optional(),
})
