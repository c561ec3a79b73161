/**
 * The notice on a page right after a save from the editor. Only these few strings live in the
 * shared catalogue; the editor's own strings load with the editor (../editor-messages.ts).
 */
export const en = {
  'saveNotice.published': 'Saved and published.',
  'saveNotice.pending': 'Saved. Your revision waits for a moderator’s review; you see it here, readers see the last approved one.',
  'saveNotice.uncited': 'Saved, but a figure has no source yet: this revision cannot be published until every figure is cited.',
  'saveNotice.merged': 'Someone else had changed other parts of the page meanwhile; both edits were kept.',
}
export const de: typeof en = {
  'saveNotice.published': 'Gespeichert und veröffentlicht.',
  'saveNotice.pending': 'Gespeichert. Ihre Version wartet auf die Prüfung durch Moderatoren; Sie sehen sie hier, Leser sehen die zuletzt freigegebene.',
  'saveNotice.uncited': 'Gespeichert, aber eine Zahl hat noch keine Quelle: Diese Version kann erst veröffentlicht werden, wenn jede Zahl belegt ist.',
  'saveNotice.merged': 'Jemand anderes hatte inzwischen andere Teile der Seite geändert; beide Änderungen wurden übernommen.',
}
export const fr: typeof en = {
  'saveNotice.published': 'Enregistré et publié.',
  'saveNotice.pending': 'Enregistré. Votre révision attend la relecture d’un modérateur\u202f; vous la voyez ici, les lecteurs voient la dernière approuvée.',
  'saveNotice.uncited': 'Enregistré, mais un chiffre n’a pas encore de source\u00a0: cette révision ne pourra être publiée que lorsque chaque chiffre sera sourcé.',
  'saveNotice.merged': 'Quelqu’un d’autre avait modifié d’autres parties de la page entre-temps\u202f; les deux modifications ont été conservées.',
}
