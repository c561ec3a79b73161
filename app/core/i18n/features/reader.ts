/** Strings of the reader's evidence tools beyond the base catalogue. */
const en = {
}
const de: typeof en = {
}
const fr: typeof en = {
}

export const readerMessages = { en, de, fr }
