/** The error page while the database is unavailable, too slow, or out of disk space. */
export const en = {
  'outage.unavailable.title': 'Temporarily unavailable',
  'outage.unavailable.body':
    'Sourced cannot reach its database right now. Try again in a few seconds. If you were saving, reload the page first to see whether your change went through.',
  'outage.full.title': 'Saving is not possible right now',
  'outage.full.body':
    'The server has run out of disk space, so this change was not saved. Reading still works. Keep a copy of your text and try again later.',
}

export const de: typeof en = {
  'outage.unavailable.title': 'Vorübergehend nicht erreichbar',
  'outage.unavailable.body':
    'Sourced erreicht seine Datenbank gerade nicht. Versuche es in ein paar Sekunden noch einmal. Wenn du gerade gespeichert hast, lade die Seite zuerst neu, um zu sehen, ob deine Änderung angekommen ist.',
  'outage.full.title': 'Speichern ist gerade nicht möglich',
  'outage.full.body':
    'Auf dem Server ist kein Speicherplatz mehr frei, deshalb wurde diese Änderung nicht gespeichert. Lesen geht weiterhin. Bewahre deinen Text auf und versuche es später noch einmal.',
}

export const fr: typeof en = {
  'outage.unavailable.title': 'Momentanément indisponible',
  'outage.unavailable.body':
    'Sourced ne parvient pas à joindre sa base de données pour le moment. Réessayez dans quelques secondes. Si vous étiez en train d’enregistrer, rechargez d’abord la page pour vérifier si votre modification a été prise en compte.',
  'outage.full.title': 'Impossible d’enregistrer pour le moment',
  'outage.full.body':
    'Le disque du serveur est plein\u00a0: cette modification n’a pas été enregistrée. La lecture fonctionne toujours. Gardez une copie de votre texte et réessayez plus tard.',
}
