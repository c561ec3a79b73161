/**
 * Demo products: every product the demo comparisons weigh, with its real licence (SPDX), vendor,
 * homepage, repository, hosting and categories, and what each open-source product is an
 * alternative to. Licences as published in each project's repository (Element and Synapse moved
 * from Apache-2.0 to AGPL-3.0-only in November 2023; Element also offers a commercial licence).
 * A few products carry a cited key figure in their description, from the demo sources.
 */
import type { DocNode } from '#app/core/content'
import type { Lang } from '#app/core/lang'
import type { ProductFacts } from '#app/core/product'
import { doc, fig, p } from './build'

export interface SeedProduct {
  slug: string
  name: string
  summary: string
  lang: Lang
  categories: string[]
  facts: ProductFacts
  body?: DocNode
}

const proprietary = (vendor: string, homepage: string, aliases: string[] = []): ProductFacts => ({
  kind: 'proprietary', license: 'LicenseRef-Proprietary', vendor, homepage, repository: '', hosting: 'saas', aliases, alternativeTo: [],
})
const open = (license: string, vendor: string, homepage: string, repository: string, alternativeTo: string[], hosting: ProductFacts['hosting'] = 'self-hosted', aliases: string[] = []): ProductFacts => ({
  kind: 'open-source', license, vendor, homepage, repository, hosting, aliases, alternativeTo,
})

const MESSENGERS = ['microsoft-teams', 'slack', 'whatsapp']
const MEETINGS = ['zoom-workplace', 'microsoft-teams']
const OFFICE = ['microsoft-365', 'microsoft-office']

export const demoProducts: SeedProduct[] = [
  {
    slug: 'microsoft-teams', name: 'Microsoft Teams', lang: 'en', categories: ['messaging', 'team-chat', 'video-conferencing'],
    summary: 'Chat, meetings and calls in Microsoft 365.',
    facts: proprietary('Microsoft', 'https://www.microsoft.com/microsoft-teams', ['Teams', 'MS Teams']),
    body: doc(p('Microsoft reported ', fig('75 million', { source: 'solutions-numeriques-teams-2020', quote: "75 millions d'utilisateurs actifs quotidiens", asOf: '2020-04', metric: 'daily-active-users', product: 'microsoft-teams' }), ' daily active users at the end of April 2020.')),
  },
  {
    slug: 'slack', name: 'Slack', lang: 'en', categories: ['team-chat', 'messaging'], summary: 'Team chat by Salesforce.',
    facts: proprietary('Salesforce', 'https://slack.com'),
    body: doc(p('Slack had ', fig('12 million', { source: 'radio-canada-teletravail-2020', quote: "12 millions d'utilisateurs actifs quotidiens", asOf: '2019-10', metric: 'daily-active-users', product: 'slack' }), ' daily active users in October 2019.')),
  },
  { slug: 'whatsapp', name: 'WhatsApp', lang: 'en', categories: ['messaging'], summary: 'Consumer messenger owned by Meta.', facts: proprietary('Meta', 'https://www.whatsapp.com') },
  { slug: 'zoom-workplace', name: 'Zoom Workplace', lang: 'en', categories: ['video-conferencing'], summary: 'Video meetings and team chat.', facts: proprietary('Zoom Communications', 'https://zoom.us', ['Zoom']) },
  { slug: 'microsoft-365', name: 'Microsoft 365', lang: 'en', categories: ['office-suite', 'collaboration', 'email', 'file-sharing'], summary: 'Office applications, e-mail and cloud storage as a subscription.', facts: proprietary('Microsoft', 'https://www.microsoft.com/microsoft-365', ['Office 365', 'M365']) },
  { slug: 'microsoft-office', name: 'Microsoft Office', lang: 'en', categories: ['office-suite'], summary: 'Word, Excel and PowerPoint as installed desktop applications.', facts: { ...proprietary('Microsoft', 'https://www.microsoft.com/microsoft-365', ['MS Office']), hosting: 'self-hosted' } },
  { slug: 'microsoft-exchange-server', name: 'Microsoft Exchange Server', lang: 'en', categories: ['email'], summary: 'Mail and calendar server.', facts: { ...proprietary('Microsoft', 'https://www.microsoft.com/microsoft-365/exchange/email', ['Exchange']), hosting: 'both' } },
  { slug: 'microsoft-outlook', name: 'Microsoft Outlook', lang: 'en', categories: ['email'], summary: 'Mail and calendar client.', facts: { ...proprietary('Microsoft', 'https://www.microsoft.com/microsoft-365/outlook', ['Outlook']), hosting: 'both' } },

  {
    slug: 'tchap', name: 'Tchap', lang: 'fr', categories: ['messaging', 'public-sector'],
    summary: "La messagerie instantanée de l'administration française, fondée sur Matrix.",
    facts: open('Apache-2.0', 'DINUM', 'https://www.tchap.gouv.fr', 'https://github.com/tchapgouv/tchap-web-v4', MESSENGERS, 'saas'),
    body: doc(p('Plus de ', fig('220\u00a0000', { source: 'bercy-outils-2021', quote: 'plus de 220 000 inscrits', asOf: '2021-03', metric: 'registered-accounts', product: 'tchap' }), ' inscrits en mars 2021.')),
  },
  { slug: 'element', name: 'Element', lang: 'en', categories: ['messaging', 'team-chat'], summary: 'Matrix client and server distribution for end-to-end encrypted chat and calls.', facts: open('AGPL-3.0-only OR GPL-3.0-only', 'Element', 'https://element.io', 'https://github.com/element-hq/element-web', MESSENGERS, 'both', ['Riot', 'Element Web']) },
  { slug: 'synapse', name: 'Synapse', lang: 'en', categories: ['messaging', 'team-chat'], summary: 'The reference Matrix homeserver.', facts: open('AGPL-3.0-only', 'Element', 'https://element-hq.github.io/synapse/latest/', 'https://github.com/element-hq/synapse', MESSENGERS) },
  { slug: 'rocket-chat', name: 'Rocket.Chat', lang: 'en', categories: ['team-chat', 'messaging'], summary: 'Self-hostable team chat.', facts: open('MIT', 'Rocket.Chat Technologies', 'https://www.rocket.chat', 'https://github.com/RocketChat/Rocket.Chat', ['microsoft-teams', 'slack'], 'both') },
  {
    slug: 'visio-la-suite-meet', name: 'Visio (La Suite Meet)', lang: 'fr', categories: ['video-conferencing', 'public-sector'],
    summary: "La visioconférence de l'État, fondée sur LiveKit.",
    facts: open('MIT', 'DINUM', 'https://visio.numerique.gouv.fr', 'https://github.com/suitenumerique/meet', MEETINGS, 'saas', ['Visio', 'La Suite Meet']),
    body: doc(p('Plus de ', fig('60\u00a0000', { source: 'evoltaire-visio-2025', quote: 'plus de 60 000 utilisateurs mensuels', asOf: '2025-11-27', metric: 'monthly-users', product: 'visio-la-suite-meet' }), ' utilisateurs mensuels fin novembre 2025.')),
  },
  { slug: 'livekit', name: 'LiveKit', lang: 'en', categories: ['video-conferencing'], summary: 'WebRTC media server for video and audio rooms.', facts: open('Apache-2.0', 'LiveKit', 'https://livekit.io', 'https://github.com/livekit/livekit', ['zoom-workplace']) },
  { slug: 'jitsi-meet', name: 'Jitsi Meet', lang: 'en', categories: ['video-conferencing'], summary: 'Video meetings in the browser, self-hosted or on meet.jit.si.', facts: open('Apache-2.0', '8x8', 'https://jitsi.org/jitsi-meet/', 'https://github.com/jitsi/jitsi-meet', MEETINGS, 'both', ['Jitsi']) },
  { slug: 'bigbluebutton', name: 'BigBlueButton', lang: 'en', categories: ['video-conferencing'], summary: 'Virtual classroom and web conferencing.', facts: open('LGPL-3.0-or-later', 'BigBlueButton Inc.', 'https://bigbluebutton.org', 'https://github.com/bigbluebutton/bigbluebutton', MEETINGS, 'self-hosted', ['BBB']) },
  { slug: 'docs-la-suite-numerique', name: 'Docs (La Suite numérique)', lang: 'fr', categories: ['documents', 'public-sector'], summary: "L'éditeur de documents collaboratif de La Suite numérique.", facts: open('MIT', 'DINUM', 'https://docs.numerique.gouv.fr', 'https://github.com/suitenumerique/docs', ['microsoft-365'], 'saas', ['Docs', 'La Suite Docs']) },
  // The suite as a whole: the demo's figures about it (its tools, its potential users) name it.
  { slug: 'la-suite-numerique', name: 'La Suite numérique', lang: 'fr', categories: ['collaboration', 'public-sector'], summary: "Les outils collaboratifs de l'État français pour ses agents, fondés sur des logiciels libres.", facts: open('MIT', 'DINUM', 'https://lasuite.numerique.gouv.fr', 'https://github.com/suitenumerique', ['microsoft-365'], 'saas', ['LaSuite', 'La Suite']) },
  { slug: 'opendesk', name: 'openDesk', lang: 'de', categories: ['collaboration', 'office-suite', 'public-sector'], summary: 'Der Open-Source-Arbeitsplatz für die öffentliche Verwaltung, betreut vom ZenDiS.', facts: open('Apache-2.0', 'ZenDiS', 'https://www.opendesk.eu', 'https://gitlab.opencode.de/bmi/opendesk/deployment/opendesk', ['microsoft-365']) },
  { slug: 'nextcloud', name: 'Nextcloud', lang: 'en', categories: ['file-sharing', 'collaboration'], summary: 'Self-hosted files, calendar, contacts and collaboration.', facts: open('AGPL-3.0-or-later', 'Nextcloud GmbH', 'https://nextcloud.com', 'https://github.com/nextcloud/server', ['microsoft-365'], 'both') },
  { slug: 'collabora-online', name: 'Collabora Online', lang: 'en', categories: ['office-suite', 'documents'], summary: 'LibreOffice-based office suite in the browser.', facts: open('MPL-2.0', 'Collabora Productivity', 'https://www.collaboraonline.com', 'https://github.com/CollaboraOnline/online', OFFICE, 'both') },
  { slug: 'open-xchange-app-suite', name: 'Open-Xchange App Suite', lang: 'en', categories: ['email'], summary: 'Mail, calendar and groupware server.', facts: open('GPL-2.0-only', 'Open-Xchange', 'https://www.open-xchange.com', 'https://github.com/open-xchange/appsuite-middleware', ['microsoft-exchange-server', 'microsoft-outlook'], 'both', ['Open-Xchange', 'OX App Suite']) },
  { slug: 'libreoffice', name: 'LibreOffice', lang: 'en', categories: ['office-suite'], summary: 'Desktop office suite.', facts: open('MPL-2.0', 'The Document Foundation', 'https://www.libreoffice.org', 'https://git.libreoffice.org/core', OFFICE) },
  { slug: 'thunderbird', name: 'Thunderbird', lang: 'en', categories: ['email'], summary: 'Desktop mail and calendar client.', facts: open('MPL-2.0', 'MZLA Technologies', 'https://www.thunderbird.net', 'https://hg.mozilla.org/comm-central', ['microsoft-outlook']) },
]
