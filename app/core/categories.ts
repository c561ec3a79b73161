import type { Lang } from './lang'

/**
 * The category registry (decision 020): a fixed list in code with a name in every interface
 * language, so a category is chosen, never typed, and reads the same in EN, DE and FR. Adding one
 * is a reviewed code change, like adding a language.
 */
export interface Category {
  slug: string
  name: Record<Lang, string>
}

export const CATEGORIES: readonly Category[] = [
  { slug: 'messaging', name: { en: 'Messaging', de: 'Messenger', fr: 'Messagerie instantanée' } },
  { slug: 'team-chat', name: { en: 'Team chat', de: 'Team-Chat', fr: 'Messagerie d’équipe' } },
  { slug: 'video-conferencing', name: { en: 'Video conferencing', de: 'Videokonferenzen', fr: 'Visioconférence' } },
  { slug: 'office-suite', name: { en: 'Office suite', de: 'Office-Paket', fr: 'Suite bureautique' } },
  { slug: 'documents', name: { en: 'Collaborative documents', de: 'Gemeinsame Dokumente', fr: 'Documents collaboratifs' } },
  { slug: 'file-sharing', name: { en: 'File sharing', de: 'Dateiaustausch', fr: 'Partage de fichiers' } },
  { slug: 'email', name: { en: 'E-mail and calendar', de: 'E-Mail und Kalender', fr: 'Courriel et agenda' } },
  { slug: 'collaboration', name: { en: 'Collaboration suite', de: 'Kollaborationsplattform', fr: 'Suite collaborative' } },
  { slug: 'public-sector', name: { en: 'Public sector', de: 'Öffentliche Verwaltung', fr: 'Secteur public' } },
]

const bySlug = new Map(CATEGORIES.map((c) => [c.slug, c]))

export function isCategorySlug(value: string): boolean {
  return bySlug.has(value)
}

export function getCategory(slug: string): Category | null {
  return bySlug.get(slug) ?? null
}

export function categoryName(slug: string, lang: Lang): string {
  return bySlug.get(slug)?.name[lang] ?? slug
}

// Free-text categories of revisions saved before the registry, as the migration maps them.
const LEGACY: Record<string, string> = {
  messaging: 'messaging',
  'team chat': 'team-chat',
  'video conferencing': 'video-conferencing',
  video: 'video-conferencing',
  'office suite': 'office-suite',
  office: 'office-suite',
  collaboration: 'collaboration',
  email: 'email',
  'e-mail': 'email',
  'public sector': 'public-sector',
  'file sharing': 'file-sharing',
  documents: 'documents',
}

/**
 * The registry slug for a category as stored: a slug, a name in any language, or a free-text
 * category from before the registry; null when none fits (old revisions still show their text).
 */
export function categoryFromText(text: string): string | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ')
  if (bySlug.has(key)) return key
  const legacy = LEGACY[key]
  if (legacy) return legacy
  return CATEGORIES.find((c) => Object.values(c.name).some((n) => n.toLowerCase() === key))?.slug ?? null
}
