import { formatNumber } from '../../format'
export const en = {
  'search.title': 'Search',
  'search.label': 'Search comparisons',
  'search.submit': 'Search',
  'search.results': ({ count, q }: { count: number; q: string }) => (count === 0 ? `No comparison matches “${q}”.` : count === 1 ? `1 comparison matches “${q}”.` : `${formatNumber('en', count)} comparisons match “${q}”.`),
  'search.hint': 'Search titles, summaries, products and the text of every comparison.',
}
export const de: typeof en = {
  'search.title': 'Suche',
  'search.label': 'Vergleiche durchsuchen',
  'search.submit': 'Suchen',
  'search.results': ({ count, q }) => (count === 0 ? `Kein Vergleich passt zu „${q}“.` : count === 1 ? `1 Vergleich passt zu „${q}“.` : `${formatNumber('de', count)} Vergleiche passen zu „${q}“.`),
  'search.hint': 'Durchsucht Titel, Zusammenfassungen, Produkte und den Text aller Vergleiche.',
}
export const fr: typeof en = {
  'search.title': 'Recherche',
  'search.label': 'Rechercher dans les comparatifs',
  'search.submit': 'Rechercher',
  'search.results': ({ count, q }) => (count === 0 ? `Aucun comparatif ne correspond à « ${q} ».` : count === 1 ? `1 comparatif correspond à « ${q} ».` : `${formatNumber('fr', count)} comparatifs correspondent à « ${q} ».`),
  'search.hint': 'Recherche dans les titres, les résumés, les produits et le texte de tous les comparatifs.',
}
