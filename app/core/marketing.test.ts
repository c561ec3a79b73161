import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LANGS, type Lang } from './lang'
import { LEXICON, SUGGESTIONS } from './lexicon'
import { findMarketing, lexiconSize, type MarketingCategory } from './marketing'

type Expected = ReadonlyArray<readonly [text: string, category: MarketingCategory]>
type Case = readonly [lang: Lang, input: string, expected: Expected]

const NONE: Expected = []

/** Neutral prose about software, public administration, migrations and user counts: no finding. */
const NEUTRAL: readonly Case[] = [
  // English
  ['en', 'Tchap had 220,000 registered users in March 2021.', NONE],
  ['en', 'Schleswig-Holstein moved 44,000 mailboxes to Open-Xchange.', NONE],
  ['en', 'The table has a unique constraint on the slug.', NONE],
  ['en', 'Leading zeros are stripped.', NONE],
  ['en', 'Element is a client for the Matrix protocol.', NONE],
  ['en', 'Each account receives a unique identifier when it is created.', NONE],
  ['en', 'The slug must be unique within a language.', NONE],
  ['en', 'The ministry is leading the migration of 30,000 workstations to Linux.', NONE],
  ['en', 'Following best practice, the operators rotate the signing keys.', NONE],
  ['en', 'Three outstanding issues block the 2.0 release.', NONE],
  ['en', 'The cron job is supposed to run nightly.', NONE],
  ['en', 'The project celebrated its tenth anniversary in 2024.', NONE],
  ['en', 'Administrators know which server stores the data.', NONE],
  ['en', 'The parser removes leading whitespace and the leading slash from each path.', NONE],
  ['en', 'Screen readers announce each landmark region of the page.', NONE],
  ['en', 'The Great Firewall blocks the public Matrix servers.', NONE],
  ['en', 'A great deal of the migration work was documentation.', NONE],
  ['en', 'The server publishes its configuration under /.well-known/matrix/client.', NONE],
  ['en', 'The search index is kept up to date by a nightly job.', NONE],
  ['en', 'As soon as the import finishes, the old mailbox is closed.', NONE],
  ['en', 'Misleading error messages were reported in the bug tracker.', NONE],
  ['en', 'The Premium plan costs 10 euros per user and month.', NONE],
  ['en', 'Exceptional cases are logged separately.', NONE],
  ['en', 'The greatest common divisor is computed with the Euclidean algorithm.', NONE],
  ['en', "The setting 'max_upload_size' is read at start-up.", NONE],
  ['en', 'The leading edge of the table marks the first column.', NONE],
  ['en', 'To the best of our knowledge, no data left the country.', NONE],
  ['en', 'Nobody knows why the setting is nowhere documented.', NONE],
  ['en', 'The menu sits at the top of the page.', NONE],
  ['en', 'The top 10 contributors are listed in the annual report.', NONE],
  ['en', 'Click the top bar to open the settings.', NONE],
  // German
  ['de', 'Die Landesverwaltung hat LibreOffice auf 25.000 Arbeitsplätzen installiert.', NONE],
  ['de', 'Schleswig-Holstein hat 44.000 Postfächer zu Open-Xchange migriert.', NONE],
  ['de', 'Führende Nullen werden beim Import entfernt.', NONE],
  ['de', 'Jede Behörde erhält eine eindeutige Kennung.', NONE],
  ['de', 'Die Umstellung auf Linux begann im Oktober 2024.', NONE],
  ['de', 'Der Laptop startet mit Debian 12.', NONE],
  ['de', 'Die Top-Level-Domain .de wird von der DENIC verwaltet.', NONE],
  ['de', 'Das heute journal berichtete über die Umstellung.', NONE],
  ['de', 'Zur Zeit der Umstellung arbeiteten 30.000 Beschäftigte in der Landesverwaltung.', NONE],
  ['de', 'Natürliche Personen können ein Konto beantragen.', NONE],
  ['de', 'Die Migration kostete nach Angaben des Ministeriums 2,5 Millionen Euro.', NONE],
  ['de', 'Die API gilt als veraltet und wird entfernt.', NONE],
  ['de', 'Dataport betreibt die Rechenzentren für mehrere Länder.', NONE],
  ['de', 'Zu Fehlern führende Änderungen werden zurückgerollt.', NONE],
  ['de', 'Der Meilenstein 2 des Projekts wurde im Mai erreicht.', NONE],
  ['de', 'Die Beschäftigten erhielten Schulungen zu Thunderbird und LibreOffice.', NONE],
  ['de', 'Die Tabelle speichert für jeden Eintrag einen eindeutigen Schlüssel.', NONE],
  // French
  ['fr', 'La DINUM soutient la Fondation Matrix.org depuis octobre 2025.', NONE],
  ['fr', 'Le ministère a migré 12 000 postes vers Linux en 2023.', NONE],
  ['fr', "L'historique des versions est conservé pendant 30 jours.", NONE],
  ['fr', 'Chaque compte possède un identifiant unique.', NONE],
  ['fr', 'Le leader du parti a présenté le budget.', NONE],
  ['fr', 'Le laptop démarre sous Debian.', NONE],
  ['fr', 'Les agents peuvent superviser les tickets.', NONE],
  ['fr', 'Cette dérogation est accordée à titre exceptionnel.', NONE],
  ["fr", "La maintenance est assurée par l'Adullact.", NONE],
  ['fr', 'Le module reste stable en maintenant la compatibilité avec les anciennes versions.', NONE],
  ['fr', 'Tchap comptait 220 000 utilisateurs inscrits en mars 2021.', NONE],
  ['fr', 'Les heures de pointe provoquent des lenteurs sur le réseau interministériel.', NONE],
  ['fr', 'Un super-administrateur gère les comptes.', NONE],
  ['fr', 'Le bouton stop interrompt la synchronisation.', NONE],
  ['fr', 'Les meilleures pratiques de sécurité sont documentées par l’ANSSI.', NONE],
  ['fr', "L'avis de l'ANSSI a primé sur les autres critères.", NONE],
  ['fr', 'La suite est publiée sous licence EUPL.', NONE],
  ['fr', 'Il y a trois serveurs par ministère et deux sauvegardes par an.', NONE],
  ['fr', 'La page a été renommée après la fusion des deux ministères.', NONE],
  ['fr', 'La commune célèbre les dix ans de sa migration vers Linux.', NONE],
]

/** Promotional, weasel, editorial, doubt and time-relative language, and the quotation exemptions. */
const FLAGGED: readonly Case[] = [
  // English
  ['en', 'openDesk is the leading suite', [['leading', 'peacock']]],
  ['en', 'openDesk is the "leading" suite.', [['leading', 'peacock']]],
  ['en', 'ZenDiS calls openDesk a superior alternative to proprietary offerings.', [['superior alternative', 'peacock']]],
  ['en', 'ZenDiS calls openDesk "a superior alternative to proprietary offerings".', NONE],
  ['en', 'The minister said: "Mission accomplished, we are real pioneers."', NONE],
  ['en', '"Mission accomplished, we are real pioneers."', [['Mission accomplished', 'peacock'], ['real pioneers', 'peacock']]],
  ['en', '“A superior alternative,” the ministry said.', NONE],
  ['en', 'Currently 375,000 people use Tchap.', [['Currently', 'time-relative']]],
  ['en', 'As of late 2025, 375,000 people use Tchap monthly.', NONE],
  ['en', 'As of March, 375,000 people currently use Tchap.', NONE],
  ['en', 'Tchap launched in 2019. Currently 375,000 people use it.', [['Currently', 'time-relative']]],
  ['en', 'As of today, the suite is used by 40 ministries.', [['As of today', 'time-relative']]],
  ['en', 'Today the suite is used by 40 ministries.', [['Today', 'time-relative']]],
  ['en', 'Nowadays most agencies use it.', [['Nowadays', 'time-relative']]],
  ['en', 'The vendor now supports end-to-end encryption.', [['now', 'time-relative']]],
  ['en', 'The app recently added threads.', [['recently', 'time-relative']]],
  ['en', 'It is widely regarded as one of the best office suites.', [['widely regarded as', 'weasel'], ['one of the best', 'peacock']]],
  ['en', 'It is widely\u00A0regarded as stable.', [['widely\u00A0regarded as', 'weasel']]],
  ['en', 'Experts agree that the migration saved money.', [['Experts agree', 'weasel']]],
  ['en', 'Some people say the migration failed.', [['Some people say', 'weasel']]],
  ['en', 'Research has shown that open formats reduce costs.', [['Research has shown', 'weasel']]],
  ['en', 'Clearly, the open-source suite is cheaper.', [['Clearly', 'editorial']]],
  ['en', 'Obviously, the migration was a success.', [['Obviously', 'editorial']]],
  ['en', 'The platform revolutionizes collaboration and empowers civil servants.', [['revolutionizes', 'buzzword'], ['empowers', 'buzzword']]],
  ['en', 'Matrix unlocks the full potential of secure messaging.', [['unlocks', 'buzzword']]],
  ['en', 'The so-called sovereign cloud is hosted in Frankfurt.', [['so-called', 'doubt']]],
  ['en', 'Its allegedly insecure protocol was audited.', [['allegedly', 'doubt']]],
  ['en', 'It is an award-winning, cutting-edge platform.', [['award-winning', 'peacock'], ['cutting-edge', 'buzzword']]],
  ['en', 'openDesk offers a truly unique experience.', [['unique', 'peacock']]],
  ['en', 'Element is the best messenger for governments.', [['the best', 'peacock']]],
  ['en', 'Tchap is the most popular messenger in the French administration.', [['most popular', 'peacock']]],
  ['en', 'Seamless integration with existing directories.', [['Seamless', 'buzzword']]],
  ['en', 'This is a game-changer for public administration.', [['game-changer', 'buzzword']]],
  ['en', 'Trusted by over 100 agencies.', [['Trusted by', 'buzzword']]],
  ['en', 'Germany’s leading open-source suite.', [['leading', 'peacock']]],
  ['en', 'It is a top choice for ministries.', [['top', 'peacock']]],
  ['en', 'Students from top educational institutions contributed.', [['top', 'peacock']]],
  ['en', 'A top-quality office suite.', [['top', 'peacock']]],
  ['en', 'A top-of-the-line video service.', [['top-of-the-line', 'peacock']]],
  ['en', 'openDesk is the leading suite, used by 5,000 agencies.', [['leading', 'peacock']]],
  // German
  ['de', 'Das Land setzt europaweit Maßstäbe.', [['setzt europaweit Maßstäbe', 'peacock']]],
  ['de', '„Das Land setzt europaweit Maßstäbe“, sagte der Minister.', NONE],
  ['de', 'Im Bericht steht: „Das Land setzt europaweit Maßstäbe“.', [['setzt europaweit Maßstäbe', 'peacock']]],
  ['de', 'Die Schweiz setzt neue Massstäbe.', [['setzt neue Massstäbe', 'peacock']]],
  ['de', 'openDesk ist die führende Lösung für Behörden.', [['führende', 'peacock']]],
  ['de', 'Die Software ist führend in Europa.', [['führend', 'peacock']]],
  ['de', 'Der Anbieter entwickelte sich zu einem führenden Hersteller.', [['führenden', 'peacock']]],
  ['de', 'Schleswig-Holstein ist ein Vorreitermodell für andere Länder.', [['Vorreitermodell', 'peacock']]],
  ['de', 'Es ist ein echtes Pionierprojekt.', [['echtes Pionierprojekt', 'peacock']]],
  ['de', 'Die beispiellose Transformation revolutioniert Verwaltungsarbeit.', [['beispiellose', 'peacock'], ['revolutioniert', 'buzzword']]],
  ['de', 'Das Land ist Vorreiter, laut Ministerium „Mission erfüllt“.', [['Vorreiter', 'peacock']]],
  ['de', '„Mission erfüllt“ – das ist das Fazit.', [['Mission erfüllt', 'peacock']]],
  ['de', 'Derzeit nutzen 30.000 Beschäftigte die Plattform.', [['Derzeit', 'time-relative']]],
  ['de', 'Stand: 1. März nutzen derzeit 30.000 Beschäftigte die Plattform.', NONE],
  ['de', 'Heute nutzen alle Ministerien openDesk.', [['Heute', 'time-relative']]],
  ['de', 'Das Projekt wird bis heute gepflegt.', [['bis heute', 'time-relative']]],
  ['de', 'Zurzeit läuft die Migration der Landesverwaltung.', [['Zurzeit', 'time-relative']]],
  ['de', 'Aktuell sind 500 Behörden angebunden.', [['Aktuell', 'time-relative']]],
  ['de', 'Neuerdings bietet der Anbieter Videokonferenzen an.', [['Neuerdings', 'time-relative']]],
  ['de', 'Vor zwei Jahren stellte die Stadt auf Linux um.', [['Vor zwei Jahren', 'time-relative']]],
  ['de', 'Die Plattform ist am besten für kleine Behörden geeignet.', [['am besten', 'peacock']]],
  ['de', 'Offensichtlich ist die Lösung günstiger.', [['Offensichtlich', 'editorial']]],
  ['de', 'Selbstverständlich sind alle Daten verschlüsselt.', [['Selbstverständlich', 'editorial']]],
  ['de', 'Experten sind sich einig, dass die Migration gelungen ist.', [['Experten sind sich einig', 'weasel']]],
  ['de', 'Die angeblich sichere Lösung wurde geprüft.', [['angeblich', 'doubt']]],
  ['de', 'Die Suite bietet eine nahtlose Integration.', [['nahtlose', 'buzzword']]],
  ['de', 'Ein Top-Anbieter für Behördensoftware.', [['Top', 'peacock']]],
  // French
  ['fr', 'La Suite est « une alternative souveraine crédible ».', [['alternative souveraine crédible', 'peacock']]],
  ['fr', '« Une alternative souveraine crédible », selon le ministère.', NONE],
  ['fr', 'Le ministre a déclaré : « Nous sommes de véritables pionniers. »', NONE],
  ['fr', 'La Suite est une alternative souveraine crédible, sans compromis sur les fonctionnalités.', [['alternative souveraine crédible', 'peacock'], ['sans compromis', 'peacock']]],
  ['fr', "Un projet d'avant-garde.", [["d'avant-garde", 'peacock']]],
  ['fr', 'Un projet d’avant-garde.', [['d’avant-garde', 'peacock']]],
  ['fr', 'Nextcloud est le leader du marché.', [['leader', 'peacock']]],
  ['fr', 'Des solutions innovantes et révolutionnaires.', [['innovantes', 'peacock'], ['révolutionnaires', 'peacock']]],
  ['fr', 'Matrix révolutionne la messagerie.', [['révolutionne', 'buzzword']]],
  ['fr', "Aujourd'hui, 375 000 agents utilisent Tchap.", [["Aujourd'hui", 'time-relative']]],
  ['fr', 'Au 1er mars, actuellement 375 000 agents utilisent Tchap.', NONE],
  ['fr', 'Actuellement, la suite est déployée dans 20 ministères.', [['Actuellement', 'time-relative']]],
  ['fr', 'Récemment, le ministère a adopté Matrix.', [['Récemment', 'time-relative']]],
  ['fr', 'De nos jours, les agents utilisent la visioconférence.', [['De nos jours', 'time-relative']]],
  ['fr', 'Il y a deux ans, la ville a quitté Microsoft.', [['Il y a deux ans', 'time-relative']]],
  ['fr', 'Il y a plus de 2 ans, la ville a quitté Microsoft.', [['Il y a plus de 2 ans', 'time-relative']]],
  ['fr', 'La plateforme est désormais disponible.', [['désormais', 'time-relative']]],
  ['fr', 'Évidemment, la solution est moins chère.', [['Évidemment', 'editorial']]],
  ['fr', 'Bien sûr, les données restent en France.', [['Bien sûr', 'editorial']]],
  ['fr', 'Clairement, le choix était le bon.', [['Clairement', 'editorial']]],
  ['fr', 'Selon certains, la migration a échoué.', [['Selon certains', 'weasel']]],
  ['fr', 'Les experts s’accordent à dire que Matrix est sûr.', [['Les experts s’accordent', 'weasel']]],
  ['fr', 'C’est le meilleur outil pour les collectivités.', [['le meilleur', 'peacock']]],
  ['fr', 'La solution est top.', [['top', 'peacock']]],
  ['fr', 'Une équipe super motivée.', [['super', 'peacock']]],
  ['fr', 'Un outil incontournable pour les administrations.', [['incontournable', 'peacock']]],
  ['fr', 'La prétendue souveraineté du cloud.', [['prétendue', 'doubt']]],
  ['fr', 'Le soi-disant cloud souverain est hébergé aux États-Unis.', [['soi-disant', 'doubt']]],
  ['fr', 'Une solution de pointe, haut de gamme.', [['de pointe', 'peacock'], ['haut de gamme', 'peacock']]],
]

const CASES: readonly Case[] = [...NEUTRAL, ...FLAGGED]

describe('findMarketing: table', () => {
  it('covers enough ground', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100)
    expect(NEUTRAL.length).toBeGreaterThanOrEqual(40)
    for (const lang of LANGS) expect(CASES.filter(([l]) => l === lang).length).toBeGreaterThanOrEqual(30)
  })

  it.each(CASES)('%s: %s', (lang, input, expected) => {
    const findings = findMarketing(input, lang)
    expect(findings.map((f) => [f.text, f.category])).toEqual(expected)
    for (const f of findings) expect(input.slice(f.start, f.end)).toBe(f.text)
  })
})

describe('findMarketing: suggestions', () => {
  it('writes the suggestion in the language of the text, naming the matched words', () => {
    expect(findMarketing('openDesk is the leading suite.', 'en')[0]?.suggestion).toBe(
      "Say what it does, with a source, instead of 'leading'.",
    )
    expect(findMarketing('openDesk ist die führende Lösung.', 'de')[0]?.suggestion).toContain('statt ‚führende‘')
    expect(findMarketing('Nextcloud est le leader du marché.', 'fr')[0]?.suggestion).toContain('au lieu de « leader »')
  })

  it('uses entry-specific advice where there is better advice', () => {
    expect(findMarketing('An award-winning suite.', 'en')[0]?.suggestion).toContain('Name the award')
    expect(findMarketing('Das Projekt wird bis heute gepflegt.', 'de')[0]?.suggestion).toContain('bis <Monat Jahr>')
  })
})

describe('findMarketing: exemptions', () => {
  const text = 'openDesk is the leading suite. Tchap is currently used by 375,000 people.'
  const leading = text.indexOf('leading')

  it('drops findings inside caller-provided exempt ranges', () => {
    expect(findMarketing(text, 'en', { exemptRanges: [[0, 30]] }).map((f) => f.text)).toEqual(['currently'])
    expect(findMarketing(text, 'en', { exemptRanges: [[leading, leading + 7]] }).map((f) => f.text)).toEqual(['currently'])
  })

  it('keeps findings only partly covered, and ignores malformed ranges', () => {
    expect(findMarketing(text, 'en', { exemptRanges: [[leading + 1, leading + 7]] }).map((f) => f.text)).toEqual(['leading', 'currently'])
    const malformed = [[Number.NaN, 10], [20, 5], [Number.POSITIVE_INFINITY, 3]] as unknown as Array<[number, number]>
    expect(findMarketing(text, 'en', { exemptRanges: malformed })).toHaveLength(2)
  })

  it('merges overlapping exempt ranges', () => {
    expect(findMarketing(text, 'en', { exemptRanges: [[leading + 3, 40], [0, leading + 4]] }).map((f) => f.text)).toEqual(['currently'])
  })

  it('keeps an unattributed quote in one sentence while exempting an attributed one in the next', () => {
    const two = 'The blog calls it "world-class". Critics were not asked: "world-class".'
    expect(findMarketing(two, 'en').map((f) => f.start)).toEqual([two.lastIndexOf('world-class')])
  })
})

describe('findMarketing: robustness', () => {
  it('returns nothing for empty text or an unknown language', () => {
    expect(findMarketing('', 'en')).toEqual([])
    expect(findMarketing('the leading suite', 'xx' as Lang)).toEqual([])
  })

  it('gives the same answer on repeated and interleaved calls', () => {
    const en = 'Currently the leading suite.'
    const first = findMarketing(en, 'en')
    findMarketing('Derzeit die führende Lösung.', 'de')
    expect(findMarketing(en, 'en')).toEqual(first)
  })

  it('scans a megabyte in one pass', () => {
    const paragraph = 'Tchap had 220,000 registered users in March 2021. openDesk is currently the leading suite. '
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length))
    // Speed is measured in scripts/bench/lint.ts, not asserted here; the test timeout guards
    // against pathological backtracking.
    const findings = findMarketing(text, 'en')
    expect(findings.length).toBe(2 * Math.ceil(1_000_000 / paragraph.length))
  })

  const pieces = fc.constantFrom(
    ' ', '\u00A0', '\n', '.', ',', '"', '“', '”', '„', '«', '»', "'", '’', '‚', '‘', '(', ')', '-',
    'leading', 'Leading', 'the', 'said', 'selon', 'laut', 'currently', 'Derzeit', 'heute', 'bis', '2025',
    'as of', 'Stand:', 'setzt', 'Maßstäbe', 'Massstäbe', 'il y a', 'ans', 'vor', 'Jahren', "d'avant-garde",
    'alternative souveraine crédible', 'unique', 'constraint', 'TOP', 'super', '-administrateur', 'ß', 'é',
    '\uD800', '\uDC00', '😀',
  )
  const texts = fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''))
  const ranges = fc.array(fc.tuple(fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 })), { maxLength: 4 })

  it('never throws and returns sorted, non-overlapping, exact findings', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...LANGS), ranges, (text, lang, exemptRanges) => {
        const findings = findMarketing(text, lang, { exemptRanges })
        let previousEnd = 0
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd)
          expect(f.end).toBeGreaterThan(f.start)
          expect(text.slice(f.start, f.end)).toBe(f.text)
          expect(f.suggestion.length).toBeGreaterThan(0)
          expect(Object.keys(SUGGESTIONS.en)).toContain(f.category)
          previousEnd = f.end
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('lexicon', () => {
  it('reports its size per language', () => {
    const size = lexiconSize()
    for (const lang of LANGS) {
      expect(size[lang]).toBe(LEXICON[lang].length)
      expect(size[lang]).toBeGreaterThan(200)
    }
  })

  it('has a suggestion template naming the term for every language and category', () => {
    for (const lang of LANGS) {
      for (const template of Object.values(SUGGESTIONS[lang])) expect(template).toContain('{t}')
    }
  })

  // Every unguarded term must compile and be found as the whole text: catches typos in the term syntax.
  const standalone = LANGS.flatMap((lang) =>
    LEXICON[lang]
      .filter((entry) => entry.guard?.requireBefore === undefined && entry.guard?.requireAfter === undefined)
      .map((entry) => [lang, entry.term.replace(/ ~ /g, ' ').replace(/ # /g, ' 2 '), entry.category] as const),
  )
  it.each(standalone)('%s: finds "%s" on its own', (lang, term, category) => {
    expect(findMarketing(`${term}.`, lang).map((f) => [f.text, f.category])).toEqual([[term, category]])
  })
})
