/**
 * Demo comparisons, written from public sources as reported by each URL (not re-checked against
 * the live web). Every number that states a fact is a `fig(...)` with its source, the passage
 * that shows it, its as-of date and what it counts; other claims carry a `cite(...)`.
 *
 * Conflicting figures are kept on purpose and shown side by side with what each one measures:
 * that is what the product exists to show.
 *
 * Quotes: the source texts were not at hand, only notes on them. Quotes are therefore kept short
 * and close to those notes, in the source's language; the link checker reports any quote that
 * does not appear in the live page, and a moderator can then correct it.
 */
import type { Alternative, DocNode, Product } from '#app/core/content'
import { UNDATED } from '#app/core/as-of'
import { cite, doc, fig, h, p, quote, table, ul, bold, type CiteInput } from './build'
import type { SeedPage, SeedSource } from './types'

// ── Sources ────────────────────────────────────────────────────────────────────────────────────
// Titles follow the URL slug. Where a URL has no slug (`?p=…`, heise's short links) the title is
// a plain description of what the article is cited for, not the original headline.
// `publishedAt` is set only where the notes give the date of the publication itself.

const sources = {
  'bercy-outils-2021': {
    url: 'https://bercynumerique.finances.gouv.fr/les-outils-numeriques-de-travail-de-letat-montent-en-puissance',
    title: "Les outils numériques de travail de l'État montent en puissance",
    publisher: 'Bercy Numérique',
    publishedAt: null,
    kind: 'official',
    lang: 'fr',
  },
  'acteurs-publics-tchap-2020': {
    url: 'https://www.acteurspublics.fr/evenement/letat-ouvre-progressivement-sa-messagerie-instantanee-et-deploie-des-outils-collaboratifs',
    title: "L'État ouvre progressivement sa messagerie instantanée et déploie des outils collaboratifs",
    publisher: 'Acteurs publics',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'linformaticien-tchap': {
    url: 'https://linformaticien.com/magazine/tendances/968-donnees-personnelles/57167-93exode-whatsapp-tchap-aussi-connait-son-embellie.html',
    title: 'Exode WhatsApp : Tchap aussi connaît son embellie',
    publisher: "L'Informaticien",
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'itsocial-lasuite': {
    url: 'https://itsocial.fr/cybersecurite/cybersecurite-actualites/letat-lance-lasuite-la-suite-collaborative-souveraine-la-commande-plublique-en-levier-de-souverainete',
    title: "L'État lance LaSuite, la suite collaborative souveraine : la commande publique en levier de souveraineté",
    publisher: 'IT Social',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'solutions-numeriques-lasuite': {
    url: 'https://www.solutions-numeriques.com/?p=243105&post_type=post',
    title: "La Suite numérique de l'État, Tchap et l'avis de la Cour des comptes",
    publisher: 'Solutions Numériques',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'solutions-numeriques-teams-2020': {
    url: 'https://solutions-numeriques.com/?p=69104',
    title: "Microsoft Teams : de 44 à 75 millions d'utilisateurs actifs quotidiens",
    publisher: 'Solutions Numériques',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'esteval-dinum-matrix': {
    url: 'https://www.esteval.fr/article.43504.initiatives-la-dinum-annonce-son-soutien-a-la-fondation-matrix-org-pour-renforcer-l-autonomie',
    title: "Initiatives : la DINUM annonce son soutien à la fondation Matrix.org pour renforcer l'autonomie",
    publisher: 'Esteval',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'apitech-webconference-2020': {
    url: 'https://apitech.net/une-nouvelle-solution-de-visioconference-de-letat-a-lepreuve-de-la-crise',
    // A reprint of an Acteurs publics article.
    title: "Une nouvelle solution de visioconférence de l'État à l'épreuve de la crise",
    publisher: 'APITECH',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'evoltaire-visio-2025': {
    url: 'https://e-voltaire.fr/?p=9112',
    title: 'Visio et La Suite numérique : le bilan de la DINUM',
    publisher: 'e-Voltaire',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'radio-canada-teletravail-2020': {
    url: 'https://ici.radio-canada.ca/nouvelle/1678237/teletravail-des-millions-de-nouvelles-inscriptions-a-slack-et-a-microsoft-teams',
    title: 'Télétravail : des millions de nouvelles inscriptions à Slack et à Microsoft Teams',
    publisher: 'Radio-Canada',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'republik-it-lasuite-2024': {
    url: 'https://republik-it.fr/decideurs-it/cas-usage/la-suite-numerique-lancement-du-collaboratif-souverain-et-agile-de-l-etat.html',
    title: "La Suite numérique : lancement du collaboratif souverain et agile de l'État",
    publisher: 'Républik IT',
    publishedAt: null,
    kind: 'press',
    lang: 'fr',
  },
  'slashdot-ec-matrix-2026': {
    url: 'https://tech.slashdot.org/story/26/02/05/1930255',
    title: 'European Commission tests a Matrix-based backup for Microsoft Teams',
    publisher: 'Slashdot',
    // The notes date the story to February 2026 (the URL path agrees).
    publishedAt: '2026-02',
    kind: 'press',
    lang: 'en',
  },
  'heise-opendesk-bwi': {
    url: 'https://heise.de/-10342383',
    title: 'openDesk: Anfragen nach dem Start und Rahmenvertrag mit der BWI',
    publisher: 'heise online',
    publishedAt: null,
    kind: 'press',
    lang: 'de',
  },
  'heise-rki-agora': {
    url: 'https://heise.de/-10443654',
    title: 'RKI setzt openDesk für die Plattform Agora ein',
    publisher: 'heise online',
    publishedAt: null,
    kind: 'press',
    lang: 'de',
  },
  'zendis-rki-agora-2025': {
    url: 'https://www.zendis.de/en/newsroom/press/zendis-and-rki-conclude-contract-on-the-use-of-opendesk-for-the-ogd-platform-agora',
    title: 'ZenDiS and RKI conclude contract on the use of openDesk for the ÖGD platform Agora',
    publisher: 'ZenDiS',
    publishedAt: '2025-06-11',
    // ZenDiS makes openDesk: a self-reported claim, never independent evidence.
    kind: 'vendor',
    lang: 'en',
  },
  'fosdem24-wielinde': {
    url: 'https://wielinde.github.io/talk-fosdem24',
    title: 'Talk slides, FOSDEM 2024',
    publisher: 'wielinde.github.io',
    publishedAt: '2024',
    kind: 'community',
    lang: 'en',
  },
  'ulabs-schleswig-holstein': {
    url: 'https://u-labs.de/portal/schleswig-holstein-wechsel-open-source',
    title: 'Schleswig-Holstein: Wechsel zu Open Source',
    publisher: 'U-Labs',
    publishedAt: null,
    kind: 'press',
    lang: 'de',
  },
  'gnulinux-schleswig-holstein': {
    url: 'https://gnulinux.ch/schleswig-holstein-liefert-ab',
    // Quotes the release of the Staatskanzlei Schleswig-Holstein.
    title: 'Schleswig-Holstein liefert ab',
    publisher: 'GNU/Linux.ch',
    publishedAt: null,
    kind: 'press',
    lang: 'de',
  },
  'sat1regional-dpa-email': {
    url: 'https://www.sat1regional.de/newsticker/e-mails-der-landesverwaltung-auf-open-source-umgestellt/',
    // A dpa report in the news ticker.
    title: 'E-Mails der Landesverwaltung auf Open Source umgestellt',
    publisher: 'SAT.1 REGIONAL',
    publishedAt: null,
    kind: 'press',
    lang: 'de',
  },
  'clarus-schleswig-holstein': {
    url: 'https://clarus.news/en/Post/schleswig-holstein-successful-open-source-migration-with-80-fewer-microsoft-licenses-20251114',
    // Summarises a heise interview. The slug ends in what looks like a date (20251114), but the
    // notes do not give the publication date, so it is left open.
    title: 'Schleswig-Holstein: successful open-source migration with 80% fewer Microsoft licenses',
    publisher: 'clarus.news',
    publishedAt: null,
    kind: 'press',
    lang: 'en',
  },
  'cybernews-schleswig-holstein': {
    url: 'https://cybernews.com/de/tech/schleswig-holstein-verbannt-microsoft-dienste/',
    title: 'Schleswig-Holstein verbannt Microsoft-Dienste',
    publisher: 'Cybernews',
    publishedAt: null,
    kind: 'press',
    lang: 'de',
  },
  'nubrica-schleswig-holstein': {
    url: 'https://www.nubrica.de/?p=1606',
    title: 'Schleswig-Holstein: Open Source in der Landesverwaltung und Linux-Pilot',
    publisher: 'Nubrica',
    publishedAt: null,
    kind: 'press',
    lang: 'de',
  },
} as const satisfies Record<string, Omit<SeedSource, 'key'>>

type SourceKey = keyof typeof sources

export const demoSources: SeedSource[] = Object.entries(sources).map(([key, source]) => ({ key, ...source }))

/**
 * A figure: `f(text, source, quote, asOf, metric, product)` — the metric a slug of the registry
 * (migration 0050), the product the slug of a demo product (null where the number is about no
 * one product). `asOf` is UNDATED where the source gives no date.
 */
function f(text: string, source: SourceKey, quoteText: string, asOf: string, metric: string, product: string | null): DocNode {
  return fig(text, { source, quote: quoteText, asOf, metric, product })
}
function c(source: SourceKey, options?: CiteInput): DocNode {
  return cite(source, options)
}
/** French typography: no-break spaces inside a figure ("220 000", "5,5 millions"). */
function nb(text: string): string {
  return text.replace(/ /g, '\u00a0')
}

// ── Products ───────────────────────────────────────────────────────────────────────────────────

const teams: Product = { name: 'Microsoft Teams', vendor: 'Microsoft', homepage: 'https://www.microsoft.com/microsoft-teams' }
const m365: Product = { name: 'Microsoft 365', vendor: 'Microsoft', homepage: 'https://www.microsoft.com/microsoft-365' }
const slack: Product = { name: 'Slack', vendor: 'Salesforce', homepage: 'https://slack.com' }
const whatsapp: Product = { name: 'WhatsApp', vendor: 'Meta', homepage: 'https://www.whatsapp.com' }
const zoom: Product = { name: 'Zoom Workplace', vendor: 'Zoom Communications', homepage: 'https://zoom.us' }

const tchap: Alternative = {
  name: 'Tchap',
  vendor: 'DINUM',
  homepage: 'https://www.tchap.gouv.fr',
  license: 'Apache-2.0',
  repository: 'https://github.com/tchapgouv/tchap-web-v4',
}
const element: Alternative = {
  name: 'Element',
  vendor: 'Element',
  homepage: 'https://element.io',
  license: 'AGPL-3.0-only',
  repository: 'https://github.com/element-hq/element-web',
}
const synapse: Alternative = {
  name: 'Synapse',
  vendor: 'Element',
  homepage: 'https://element-hq.github.io/synapse/latest/',
  license: 'AGPL-3.0-only',
  repository: 'https://github.com/element-hq/synapse',
}
const visio: Alternative = {
  name: 'Visio (La Suite Meet)',
  vendor: 'DINUM',
  homepage: 'https://visio.numerique.gouv.fr',
  license: 'MIT',
  repository: 'https://github.com/suitenumerique/meet',
}
const docs: Alternative = {
  name: 'Docs (La Suite numérique)',
  vendor: 'DINUM',
  homepage: 'https://docs.numerique.gouv.fr',
  license: 'MIT',
  repository: 'https://github.com/suitenumerique/docs',
}
const openXchange: Alternative = {
  name: 'Open-Xchange App Suite',
  vendor: 'Open-Xchange',
  homepage: 'https://www.open-xchange.com',
  license: 'GPL-2.0-only',
  repository: 'https://github.com/open-xchange/appsuite-middleware',
}

// ── Pages ──────────────────────────────────────────────────────────────────────────────────────

const editSummary = 'Demo comparison written from cited public sources'

// IT Social gives the daily-active figure for Tchap without a date: it is `undated` (decision
// 026), and readers see "not dated in the source" instead of an invented year.

const teamsVsTchap: SeedPage = {
  slug: 'microsoft-teams-vs-tchap',
  featured: true,
  editSummary,
  content: {
    title: 'Microsoft Teams, WhatsApp and Slack vs Tchap',
    summary:
      "A comparison of Tchap, the French State's Matrix-based messenger, with Microsoft Teams, WhatsApp and Slack, using dated user figures from public sources.",
    lang: 'en',
    subjects: { proprietary: [teams, whatsapp, slack], alternatives: [tchap, element, synapse] },
    categories: ['messaging', 'public-sector'],
    body: doc(
      p(
        'Tchap is the instant messenger of the French State administration, built on the Matrix protocol and the Element client. A circular of 25 July 2025 makes Tchap the messenger of the State',
        c('esteval-dinum-matrix'),
        ', and in October 2025 the interministerial digital directorate (DINUM) announced its support for the Matrix.org Foundation',
        c('esteval-dinum-matrix'),
        '. This page sets Tchap against Microsoft Teams, WhatsApp and Slack with the figures each source published, each with its date.',
      ),
      h(2, 'Tchap: published user figures'),
      p(
        'The published figures for Tchap count different things: registered accounts, "users" without a definition, daily active users and monthly active users.',
      ),
      table(
        ['As of', 'Registered accounts', '"Users", not defined', 'Daily active users', 'Monthly active users', 'Reported by'],
        ['early 2020', f('85,000', 'bercy-outils-2021', '85 000 inscrits', '2020', 'registered-accounts', 'tchap'), '—', '—', '—', 'Bercy Numérique (ministry)'],
        ['late March 2020', '—', f('130,000', 'acteurs-publics-tchap-2020', '130 000 utilisateurs', '2020-03', 'users-unspecified', 'tchap'), '—', '—', 'Acteurs publics'],
        ['October 2020', f('170,000', 'bercy-outils-2021', '170 000 inscrits', '2020-10', 'registered-accounts', 'tchap'), '—', '—', '—', 'Bercy Numérique (ministry)'],
        ['2020', f('200,000', 'linformaticien-tchap', '200 000 inscrits', '2020', 'registered-accounts', 'tchap'), '—', '—', '—', "L'Informaticien"],
        [
          'March 2021',
          ['more than ', f('220,000', 'bercy-outils-2021', 'plus de 220 000 inscrits', '2021-03', 'registered-accounts', 'tchap')],
          '—',
          '—',
          '—',
          'Bercy Numérique (ministry)',
        ],
        [
          'not dated in the source',
          '—',
          '—',
          ['more than ', f('200,000', 'itsocial-lasuite', 'plus de 200 000 utilisateurs actifs quotidiens', UNDATED, 'daily-active-users', 'tchap')],
          '—',
          'IT Social',
        ],
        ['late 2025', '—', '—', '—', f('375,000', 'solutions-numeriques-lasuite', '375 000 utilisateurs actifs mensuels', '2025', 'monthly-active-users', 'tchap'), 'Solutions Numériques'],
      ),
      p(
        bold('Note on comparability:'),
        ' these figures are not comparable with each other. A registered account is not an active user, and daily and monthly active users are different measures; the figures also come from different sources and dates. They do not form a growth series.',
      ),
      h(3, 'Other Tchap figures'),
      ul(
        [
          'Bercy Numérique counted about ',
          f('850,000', 'bercy-outils-2021', '850 000 messages par semaine', '2021', 'messages-per-week', 'tchap'),
          ' messages per week in early 2021.',
        ],
        [
          "L'Informaticien reported that registrations rose from ",
          f('80,000', 'linformaticien-tchap', 'de 80 000 à 160 000 inscrits en 3 mois', '2020', 'registered-accounts', 'tchap'),
          ' to ',
          f('160,000', 'linformaticien-tchap', 'de 80 000 à 160 000 inscrits en 3 mois', '2020', 'registered-accounts', 'tchap'),
          ' within ',
          f('3 months', 'linformaticien-tchap', 'de 80 000 à 160 000 inscrits en 3 mois', '2020', 'duration-months', 'tchap'),
          ' in 2020, and that ',
          f('50%', 'linformaticien-tchap', '50 % Armées + Intérieur', '2020', 'share-of-registered-accounts', 'tchap'),
          ' of registered users came from the Armed Forces and the Interior ministry.',
        ],
      ),
      h(2, 'Microsoft Teams, Slack and WhatsApp: dated figures'),
      p('The figures for the proprietary services date from 2019 and spring 2020; the sources used here give no later ones.'),
      ul(
        [
          'Microsoft Teams: ',
          f('32 million', 'radio-canada-teletravail-2020', "32 millions d'utilisateurs actifs quotidiens", '2020-03-11', 'daily-active-users', 'microsoft-teams'),
          ' daily active users on 11 March 2020 and ',
          f('44 million', 'radio-canada-teletravail-2020', "44 millions d'utilisateurs actifs quotidiens", '2020-03-18', 'daily-active-users', 'microsoft-teams'),
          ' on 18 March 2020 (Radio-Canada).',
        ],
        [
          'Microsoft Teams: ',
          f('75 million', 'solutions-numeriques-teams-2020', "75 millions d'utilisateurs actifs quotidiens", '2020-04', 'daily-active-users', 'microsoft-teams'),
          ' daily active users at the end of April 2020 (Solutions Numériques).',
        ],
        [
          'Slack: ',
          f('12 million', 'radio-canada-teletravail-2020', "12 millions d'utilisateurs actifs quotidiens", '2019-10', 'daily-active-users', 'slack'),
          ' daily active users in October 2019 (Radio-Canada).',
        ],
        'WhatsApp: the sources used for this page give no user figure.',
      ),
      h(2, 'At a glance'),
      table(
        ['', 'Microsoft Teams', 'Slack', 'WhatsApp', 'Tchap'],
        ['Licence', 'proprietary', 'proprietary', 'proprietary', 'open source (web client: Apache-2.0)'],
        ['Protocol', 'proprietary', 'proprietary', 'proprietary', 'Matrix (open standard)'],
        ['Operated by', 'Microsoft', 'Salesforce', 'Meta', 'French State (DINUM)'],
        ['Role in the French State', '—', '—', '—', ['State messenger under the circular of 25 July 2025', c('esteval-dinum-matrix')]],
      ),
    ),
  },
}

const zoomVsVisio: SeedPage = {
  slug: 'zoom-vs-visio',
  featured: false,
  editSummary,
  content: {
    title: "Zoom et Microsoft Teams face à Visio, la visioconférence de l'État",
    summary:
      "Comparaison des réunions en ligne de Zoom et de Microsoft Teams avec Visio, le service de visioconférence de l'administration française, à partir de chiffres datés et sourcés.",
    lang: 'fr',
    subjects: {
      proprietary: [zoom, teams],
      alternatives: [
        visio,
        { name: 'LiveKit', vendor: 'LiveKit', homepage: 'https://livekit.io', license: 'Apache-2.0', repository: 'https://github.com/livekit/livekit' },
        { name: 'Jitsi Meet', vendor: '8x8', homepage: 'https://jitsi.org/jitsi-meet/', license: 'Apache-2.0', repository: 'https://github.com/jitsi/jitsi-meet' },
      ],
    },
    categories: ['video-conferencing', 'public-sector'],
    body: doc(
      p(
        "Visio est le service de visioconférence de l'administration française, issu du service de webconférence de l'État. D'abord fondé sur Jitsi, il repose sur un logiciel « meet » construit avec LiveKit. Cette page le compare aux réunions en ligne de Zoom et de Microsoft Teams.",
      ),
      h(2, "Chiffres d'utilisation publiés"),
      table(
        ['Service', 'Utilisateurs mensuels', "Utilisateurs actifs quotidiens de l'ensemble du service", 'Date'],
        [
          "Webconférence de l'État (bêta)",
          f(nb('12 000'), 'apitech-webconference-2020', '12 000 utilisateurs mensuels', '2020-03', 'monthly-users', 'visio-la-suite-meet'),
          '—',
          'mars 2020',
        ],
        [
          'Visio',
          ['plus de ', f(nb('60 000'), 'evoltaire-visio-2025', 'plus de 60 000 utilisateurs mensuels', '2025-11-27', 'monthly-users', 'visio-la-suite-meet')],
          '—',
          'novembre 2025',
        ],
        [
          'Microsoft Teams',
          '—',
          f(nb('44 millions'), 'radio-canada-teletravail-2020', "44 millions d'utilisateurs actifs quotidiens", '2020-03-18', 'daily-active-users', 'microsoft-teams'),
          'mars 2020',
        ],
        [
          'Microsoft Teams',
          '—',
          f(nb('75 millions'), 'solutions-numeriques-teams-2020', "75 millions d'utilisateurs actifs quotidiens", '2020-04', 'daily-active-users', 'microsoft-teams'),
          'fin avril 2020',
        ],
        ['Zoom', 'aucun chiffre dans les sources utilisées', 'aucun chiffre dans les sources utilisées', '—'],
      ),
      p(
        "En mars 2020, le service de webconférence de l'État était encore en version bêta",
        c('apitech-webconference-2020'),
        ". Le chiffre de Visio provient d'un bilan de la DINUM daté du 27 novembre 2025",
        c('evoltaire-visio-2025'),
        '.',
      ),
      p(
        bold('Chiffres de 2024 :'),
        " les chiffres d'utilisation du service de webconférence de l'État pour l'année 2024 n'ont pas été trouvés dans les sources consultées. Cette page n'en donne donc aucun.",
      ),
      p(
        bold('Comparabilité :'),
        " les chiffres de l'État comptent des utilisateurs mensuels, ceux de Microsoft Teams des utilisateurs actifs quotidiens de l'ensemble du service, à d'autres dates. Ils ne sont pas comparables entre eux.",
      ),
      h(2, 'Comparaison'),
      table(
        ['', 'Zoom', 'Microsoft Teams', 'Visio'],
        ['Licence', 'propriétaire', 'propriétaire', 'libre (MIT)'],
        ['Code source', 'non publié', 'non publié', 'dépôt public'],
        ['Exploitant', 'Zoom Communications', 'Microsoft', "État français (DINUM)"],
        ['Base technique', '—', '—', 'LiveKit, auparavant Jitsi'],
      ),
      h(2, 'Perspectives annoncées'),
      ul([
        "L'État prévoit de généraliser Visio à tous ses services d'ici 2027",
        c('itsocial-lasuite'),
        '.',
      ]),
    ),
  },
}

const m365VsLaSuite: SeedPage = {
  slug: 'microsoft-365-vs-la-suite-numerique',
  featured: true,
  editSummary,
  content: {
    title: "Microsoft 365 face à La Suite numérique de l'État",
    summary:
      "Comparaison de Microsoft 365 avec La Suite numérique, les outils collaboratifs de l'administration française, chiffres datés et appréciation de la Cour des comptes à l'appui.",
    lang: 'fr',
    subjects: { proprietary: [m365], alternatives: [docs, visio, tchap] },
    categories: ['office-suite', 'collaboration', 'public-sector'],
    body: doc(
      p(
        "La Suite numérique est l'ensemble d'outils collaboratifs que l'État français met à la disposition de ses agents. Elle a été lancée le 23 mai 2024 au salon VivaTech",
        c('republik-it-lasuite-2024'),
        '. Cette page la compare à Microsoft 365.',
      ),
      h(2, 'Chiffres clés'),
      ul(
        ['Outils phares de la suite : ', f('6', 'evoltaire-visio-2025', '6 outils phares', '2025-11', 'tools-in-suite', 'la-suite-numerique'), ' en novembre 2025 (e-Voltaire).'],
        [
          'Agents publics, utilisateurs potentiels : ',
          f(nb('5,5 millions'), 'solutions-numeriques-lasuite', "5,5 millions d'agents publics", '2025', 'potential-users', 'la-suite-numerique'),
          ' en 2025 (Solutions Numériques).',
        ],
        [
          'Tchap, utilisateurs actifs mensuels : ',
          f(nb('375 000'), 'solutions-numeriques-lasuite', '375 000 utilisateurs actifs mensuels', '2025', 'monthly-active-users', 'tchap'),
          ' fin 2025 (Solutions Numériques).',
        ],
        [
          'Visio, utilisateurs mensuels : plus de ',
          f(nb('60 000'), 'evoltaire-visio-2025', 'plus de 60 000 utilisateurs mensuels', '2025-11-27', 'monthly-users', 'visio-la-suite-meet'),
          ' en novembre 2025 (e-Voltaire, bilan de la DINUM).',
        ],
      ),
      p(
        "Ces chiffres ne mesurent pas la même chose : le nombre d'agents décrit une population qui pourrait utiliser la suite, les chiffres de Tchap et de Visio comptent des utilisateurs d'un mois donné.",
      ),
      h(2, 'Repères'),
      ul(
        ['Lancement : 23 mai 2024, salon VivaTech', c('republik-it-lasuite-2024'), '.'],
        ['Tchap : messagerie de l\'État en vertu d\'une circulaire du 25 juillet 2025', c('esteval-dinum-matrix'), '.'],
        ["Visio : généralisation prévue à tous les services de l'État d'ici 2027", c('itsocial-lasuite'), '.'],
      ),
      h(2, 'Une appréciation indépendante : la Cour des comptes'),
      p("En 2024, la Cour des comptes a décrit ainsi l'offre d'outils collaboratifs qui a précédé La Suite numérique :"),
      quote(
        p(
          '« une offre peu lisible et instable, qui reste inconnue de la plupart des agents »',
          c('solutions-numeriques-lasuite', { quote: 'une offre peu lisible et instable, qui reste inconnue de la plupart des agents' }),
        ),
      ),
      p(
        "Cette appréciation émane d'une juridiction financière indépendante de l'administration qui développe les outils ; elle est rapportée par Solutions Numériques. Elle porte sur l'offre antérieure, non sur La Suite numérique lancée en 2024.",
      ),
      h(2, 'Microsoft 365'),
      p("Les sources utilisées pour cette page ne donnent aucun chiffre d'utilisation de Microsoft 365 dans l'administration française."),
    ),
  },
}

// The RKI/Agora figures: heise gives them without a date, so they are `undated`.

const m365VsOpenDesk: SeedPage = {
  slug: 'microsoft-365-vs-opendesk',
  featured: false,
  editSummary,
  content: {
    title: 'Microsoft 365 und openDesk im Vergleich',
    summary:
      'Vergleich von Microsoft 365 mit openDesk, dem Open-Source-Arbeitsplatz für die öffentliche Verwaltung, den das Zentrum für Digitale Souveränität (ZenDiS) betreut, mit datierten Zahlen aus öffentlichen Quellen.',
    lang: 'de',
    subjects: {
      proprietary: [m365],
      alternatives: [
        {
          name: 'openDesk',
          vendor: 'ZenDiS',
          homepage: 'https://www.opendesk.eu',
          license: 'Apache-2.0',
          repository: 'https://gitlab.opencode.de/bmi/opendesk/deployment/opendesk',
        },
        { name: 'Nextcloud', vendor: 'Nextcloud GmbH', homepage: 'https://nextcloud.com', license: 'AGPL-3.0-or-later', repository: 'https://github.com/nextcloud/server' },
        openXchange,
        {
          name: 'Collabora Online',
          vendor: 'Collabora Productivity',
          homepage: 'https://www.collaboraonline.com',
          license: 'MPL-2.0',
          repository: 'https://github.com/CollaboraOnline/online',
        },
      ],
    },
    categories: ['office-suite', 'collaboration', 'public-sector'],
    body: doc(
      p(
        'openDesk ist ein Open-Source-Arbeitsplatz für die öffentliche Verwaltung, den das ZenDiS betreut. Diese Seite stellt ihn Microsoft 365 gegenüber. Die Zahlen stammen aus Berichten von heise online, aus einer Pressemitteilung des Herstellers und aus Vortragsfolien der FOSDEM 2024.',
      ),
      h(2, 'Nachfrage und Einsatz'),
      p(
        'Die BWI, das IT-Systemhaus der Bundeswehr, hat einen Rahmenvertrag zu openDesk unterzeichnet',
        c('heise-opendesk-bwi'),
        '. ZenDiS und das Robert Koch-Institut (RKI) haben einen Vertrag über den Einsatz von openDesk für Agora geschlossen, eine Plattform des Öffentlichen Gesundheitsdienstes',
        c('zendis-rki-agora-2025'),
        '.',
      ),
      ul(
        [
          'Anfragen zu openDesk (Angabe von ZenDiS): mehr als ',
          f('1.500', 'heise-opendesk-bwi', 'mehr als 1.500 Anfragen', '2025-03', 'inquiries', 'opendesk'),
          ', Stand März 2025 (heise online).',
        ],
        [
          'Erstlaufzeit des Rahmenvertrags mit der BWI: ',
          // The notes give no month for the agreement; it is reported with the March 2025 figures.
          f('7 Jahre', 'heise-opendesk-bwi', 'Erstlaufzeit von 7 Jahren', '2025', 'contract-term-years', 'opendesk'),
          ', Stand 2025 (heise online).',
        ],
        ['Nutzende der Plattform Agora: rund ', f('7.000', 'heise-rki-agora', 'rund 7.000 Nutzer', UNDATED, 'users-unspecified', 'opendesk'), ', berichtet 2025 (heise online).'],
        [
          'Gesundheitsämter, von denen die meisten Agora nutzen: rund ',
          f('400', 'heise-rki-agora', 'rund 400 Gesundheitsämter', UNDATED, 'organisations', 'opendesk'),
          ', berichtet 2025 (heise online).',
        ],
      ),
      h(2, 'Finanzierung im Vergleich mit Frankreich'),
      ul(
        [
          'Deutschland: ',
          f('23 Mio. €', 'fosdem24-wielinde', 'Germany: 23 M€ for openDesk in 2023', '2023', 'public-funding', 'opendesk'),
          ' für openDesk im Jahr 2023.',
        ],
        [
          'Frankreich: insgesamt ',
          f('23 Mio. €', 'fosdem24-wielinde', 'France: 23 M€ in total for 3 consortia, 2023–2026', '2024', 'public-funding', null),
          ' für ',
          f('3', 'fosdem24-wielinde', 'France: 23 M€ in total for 3 consortia, 2023–2026', '2024', 'organisations', null),
          ' Konsortien in den Jahren 2023 bis 2026.',
        ],
      ),
      p('Beide Angaben stammen aus Vortragsfolien der FOSDEM 2024, nicht aus Haushaltsdokumenten.'),
      h(2, 'Darstellung durch den Hersteller'),
      p(
        'In seiner Pressemitteilung vom 11. Juni 2025 zum Vertrag mit dem RKI bezeichnet ZenDiS openDesk als „a superior alternative to proprietary offerings“',
        c('zendis-rki-agora-2025', { quote: 'a superior alternative to proprietary offerings' }),
        '. Das ist eine Aussage des Herstellers über das eigene Produkt, keine unabhängige Bewertung.',
      ),
      h(2, 'Microsoft 365'),
      p('Die für diese Seite verwendeten Quellen enthalten keine Zahlen zur Nutzung von Microsoft 365 in der deutschen Verwaltung.'),
    ),
  },
}

// clarus.news summarises a heise interview given after the migration was completed on
// 2 October 2025; the interview's figures carry no date of their own, so they are `undated`.
const MIGRATION_DONE = '2025-10-02'

const schleswigHolstein: SeedPage = {
  slug: 'schleswig-holstein-microsoft-exit',
  featured: true,
  editSummary,
  content: {
    title: 'Schleswig-Holstein: Umstieg der Landesverwaltung von Microsoft auf Open Source',
    summary:
      'Der Wechsel der Landesverwaltung Schleswig-Holstein von Microsoft Office, Exchange und Outlook zu LibreOffice, Open-Xchange und Thunderbird, mit den voneinander abweichenden veröffentlichten Zahlen.',
    lang: 'de',
    subjects: {
      proprietary: [
        { name: 'Microsoft Office', vendor: 'Microsoft', homepage: 'https://www.microsoft.com/microsoft-365' },
        { name: 'Microsoft Exchange Server', vendor: 'Microsoft', homepage: 'https://www.microsoft.com/microsoft-365/exchange/email' },
        { name: 'Microsoft Outlook', vendor: 'Microsoft', homepage: 'https://www.microsoft.com/microsoft-365/outlook' },
      ],
      alternatives: [
        { name: 'LibreOffice', vendor: 'The Document Foundation', homepage: 'https://www.libreoffice.org', license: 'MPL-2.0', repository: 'https://git.libreoffice.org/core' },
        openXchange,
        { name: 'Thunderbird', vendor: 'MZLA Technologies', homepage: 'https://www.thunderbird.net', license: 'MPL-2.0', repository: 'https://hg.mozilla.org/comm-central' },
      ],
    },
    categories: ['office-suite', 'email', 'public-sector'],
    body: doc(
      p(
        'Die Landesverwaltung Schleswig-Holstein ersetzt Microsoft-Produkte durch Open-Source-Software: LibreOffice statt Microsoft Office, Open-Xchange und Thunderbird statt Exchange und Outlook. Landesregierung, Nachrichtenagentur und Fachpresse nennen unterschiedliche Zahlen; diese Seite stellt sie nebeneinander.',
      ),
      h(2, 'Office: LibreOffice'),
      p(
        'Laut U-Labs betraf der Wechsel zu LibreOffice im Jahr 2024 alle ',
        f('25.000', 'ulabs-schleswig-holstein', 'alle 25.000 IT-Arbeitsplätze', '2024', 'workstations', 'libreoffice'),
        ' IT-Arbeitsplätze der Landesverwaltung.',
      ),
      h(2, 'E-Mail und Kalender: abweichende Zahlen'),
      p(
        'Am 2. Oktober 2025 wurde die Umstellung von Exchange und Outlook auf Open-Xchange und Thunderbird abgeschlossen',
        c('gnulinux-schleswig-holstein'),
        c('sat1regional-dpa-email'),
        '. Die veröffentlichten Mengen weichen voneinander ab:',
      ),
      table(
        ['Angabe', 'Postfächer', 'E-Mails und Kalendereinträge', 'Stand'],
        [
          'Staatskanzlei (zitiert von GNU/Linux.ch)',
          ['mehr als ', f('40.000', 'gnulinux-schleswig-holstein', 'mehr als 40.000 Postfächer', MIGRATION_DONE, 'mailboxes', 'open-xchange-app-suite')],
          [
            'mehr als ',
            f('100 Mio.', 'gnulinux-schleswig-holstein', 'mehr als 100 Millionen E-Mails und Kalendereinträge', MIGRATION_DONE, 'migrated-items', 'open-xchange-app-suite'),
          ],
          'Oktober 2025',
        ],
        [
          'Nachrichtenagentur dpa',
          ['mehr als ', f('40.000', 'sat1regional-dpa-email', 'mehr als 40.000 Postfächer', MIGRATION_DONE, 'mailboxes', 'open-xchange-app-suite')],
          [
            'mehr als ',
            f('100 Mio.', 'sat1regional-dpa-email', 'mehr als 100 Millionen E-Mails und Kalendereinträge', MIGRATION_DONE, 'migrated-items', 'open-xchange-app-suite'),
          ],
          'Oktober 2025',
        ],
        [
          'heise-Interview (zusammengefasst von clarus.news)',
          f('44.000', 'clarus-schleswig-holstein', '44,000 mailboxes', UNDATED, 'mailboxes', 'open-xchange-app-suite'),
          f('110 Mio.', 'clarus-schleswig-holstein', '110 million items', UNDATED, 'migrated-items', 'open-xchange-app-suite'),
          '2025',
        ],
      ),
      p('Die vorliegenden Quellen erklären den Unterschied zwischen den Angaben nicht.'),
      p(
        'Nach Angaben der Staatskanzlei dauerte die Umstellung ',
        f('6 Monate', 'gnulinux-schleswig-holstein', 'in 6 Monaten', MIGRATION_DONE, 'duration-months', 'open-xchange-app-suite'),
        ' und betraf rund ',
        f('30.000', 'gnulinux-schleswig-holstein', 'rund 30.000 Beschäftigte', MIGRATION_DONE, 'staff', 'open-xchange-app-suite'),
        ' Beschäftigte. Laut dem von clarus.news zusammengefassten heise-Interview wurden fast ',
        f('80 %', 'clarus-schleswig-holstein', 'nearly 80 %', UNDATED, 'share-of-licences-cancelled', 'microsoft-office'),
        ' der Microsoft-Office-Lizenzen gekündigt; die Steuerverwaltung ist darin nicht enthalten.',
      ),
      h(2, 'Abweichende Darstellungen'),
      ul(
        // blattonline.de: the notes name the site but give no article URL, so there is no source
        // record to cite; the claim is attributed by name in the text instead.
        'Zeitpunkt des Office-Wechsels: U-Labs verortet ihn im Jahr 2024, blattonline.de nennt dagegen 2021 als Beginn.',
        [
          // adhocnews: named in the notes without a URL (see above).
          'Umfang: adhocnews schrieb, alle Beschäftigten seien migriert worden. Nach Berichten von Cybernews und Nubrica wird ein Linux-Desktop dagegen erst erprobt',
          c('cybernews-schleswig-holstein'),
          c('nubrica-schleswig-holstein'),
          '.',
        ],
      ),
      h(2, 'Warnung aus der Justiz'),
      p(
        'Laut dpa warnten Gerichtspräsidenten vor einer „massiven Beeinträchtigung der Gerichte“',
        c('sat1regional-dpa-email', { quote: 'massive Beeinträchtigung der Gerichte' }),
        '.',
      ),
    ),
  },
}

const slackVsElement: SeedPage = {
  slug: 'slack-vs-element',
  featured: false,
  editSummary,
  content: {
    title: 'Slack vs Element (Matrix)',
    summary:
      'A comparison of Slack with Element and the Matrix protocol, including Matrix deployments in the public sector, using dated figures from public sources.',
    lang: 'en',
    subjects: { proprietary: [slack], alternatives: [element, synapse] },
    categories: ['messaging', 'team-chat'],
    body: doc(
      p(
        'Slack is a proprietary team messaging service. Element is a messaging client built on Matrix, an open protocol for real-time communication, and Synapse is a Matrix server. Tchap, the messenger of the French State, is a Matrix deployment.',
      ),
      h(2, 'Usage figures'),
      table(
        ['Service', 'Daily active users', 'Registered accounts', 'Monthly active users', 'As of'],
        ['Slack', f('12 million', 'radio-canada-teletravail-2020', "12 millions d'utilisateurs actifs quotidiens", '2019-10', 'daily-active-users', 'slack'), '—', '—', 'October 2019'],
        ['Tchap (Matrix)', '—', ['more than ', f('220,000', 'bercy-outils-2021', 'plus de 220 000 inscrits', '2021-03', 'registered-accounts', 'tchap')], '—', 'March 2021'],
        [
          'Tchap (Matrix)',
          ['more than ', f('200,000', 'itsocial-lasuite', 'plus de 200 000 utilisateurs actifs quotidiens', UNDATED, 'daily-active-users', 'tchap')],
          '—',
          '—',
          'not dated in the source',
        ],
        ['Tchap (Matrix)', '—', '—', f('375,000', 'solutions-numeriques-lasuite', '375 000 utilisateurs actifs mensuels', '2025', 'monthly-active-users', 'tchap'), 'late 2025'],
        ['Element, worldwide', 'no figure in the sources used', 'no figure in the sources used', 'no figure in the sources used', '—'],
      ),
      p(
        bold('Note:'),
        ' these figures use different metrics (registered, daily active and monthly active users) and different dates, and they describe one service against one deployment of a protocol. They are not comparable with each other.',
      ),
      h(2, 'Matrix in the public sector'),
      ul(
        ['France: a circular of 25 July 2025 makes Tchap the messenger of the State', c('esteval-dinum-matrix'), '.'],
        ['France: in October 2025 the interministerial digital directorate (DINUM) announced its support for the Matrix.org Foundation', c('esteval-dinum-matrix'), '.'],
        ['European Union: in February 2026 the European Commission was reported to be testing a Matrix-based backup for Microsoft Teams', c('slashdot-ec-matrix-2026'), '.'],
      ),
      h(2, 'Licensing and hosting'),
      table(
        ['', 'Slack', 'Element and Synapse'],
        ['Licence', 'proprietary', 'AGPL-3.0-only'],
        ['Protocol', 'proprietary', 'Matrix (open standard)'],
        ['Source code', 'not published', 'public repositories'],
        ['Hosting', 'by the vendor', 'by the vendor or self-hosted'],
      ),
    ),
  },
}

export const demoPages: SeedPage[] = [teamsVsTchap, zoomVsVisio, m365VsLaSuite, m365VsOpenDesk, schleswigHolstein, slackVsElement]
