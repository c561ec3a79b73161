/** Strings of the reader's evidence tools beyond the base catalogue. */
const en = {
  'reader.sourcesOfPage': 'Every figure and citation on this page',
}
const de: typeof en = {
  'reader.sourcesOfPage': 'Alle Zahlen und Belege dieser Seite',
}
const fr: typeof en = {
  'reader.sourcesOfPage': 'Tous les chiffres et références de cette page',
}

export const readerMessages = { en, de, fr }
