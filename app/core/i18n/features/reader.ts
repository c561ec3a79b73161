/** Strings of the reader's evidence tools beyond the base catalogue. */
export const en = {
  'reader.sourcesOfPage': 'Every figure and citation on this page',
}
export const de: typeof en = {
  'reader.sourcesOfPage': 'Alle Zahlen und Belege dieser Seite',
}
export const fr: typeof en = {
  'reader.sourcesOfPage': 'Tous les chiffres et références de cette page',
}
