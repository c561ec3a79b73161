import type { Kysely } from 'kysely'

// Frozen (STYLE.md §12). The metric registry (decision 026): what a number counts, in EN/DE/FR,
// with its unit, its kind of quantity and the metrics it may be compared with (a JSON list of
// slugs). Figures name the product they are about (a product slug) and, for an unregistered
// metric, its written definition. `figures.as_of` = 'undated' marks a figure whose source gives
// no date for the number. The rows below are the registry the demo and its sources need; adding
// a metric later is a new migration, like adding a category is a reviewed change.

type Text3 = [en: string, de: string, fr: string]
interface Seed {
  slug: string
  name: Text3
  definition: Text3
  unit: Text3
  quantity: 'people' | 'activity' | 'money' | 'duration' | 'share' | 'count'
  comparableWith?: string[]
}

const USERS: Text3 = ['users', 'Nutzende', 'utilisateurs']

const METRICS: Seed[] = [
  {
    slug: 'registered-accounts',
    name: ['Registered accounts', 'Registrierte Konten', 'Comptes inscrits'],
    definition: [
      'Accounts that exist on the service at the date, whether or not anyone uses them: what a source calls "registered", "sign-ups" or "accounts". Not a count of people who use the service.',
      'Konten, die zum Stichtag auf dem Dienst bestehen, ob sie genutzt werden oder nicht: was eine Quelle „registriert“, „angemeldet“ oder „Konten“ nennt. Keine Zahl der Menschen, die den Dienst nutzen.',
      'Comptes existant sur le service à la date, qu’ils soient utilisés ou non : ce qu’une source appelle « inscrits », « comptes » ou « inscriptions ». Ce n’est pas un nombre de personnes qui utilisent le service.',
    ],
    unit: ['accounts', 'Konten', 'comptes'],
    quantity: 'people',
  },
  {
    slug: 'daily-active-users',
    name: ['Daily active users', 'Täglich aktive Nutzende', 'Utilisateurs actifs quotidiens'],
    definition: [
      'People (or accounts) who used the service at least once in one day, as the source counts them; often an average over the days of a period. Only a number the source calls daily active ("DAU", "actifs quotidiens") counts here.',
      'Menschen (oder Konten), die den Dienst an einem Tag mindestens einmal genutzt haben, so wie die Quelle sie zählt; oft ein Durchschnitt über die Tage eines Zeitraums. Nur eine Zahl, die die Quelle täglich aktiv nennt („DAU“), gehört hierher.',
      'Personnes (ou comptes) ayant utilisé le service au moins une fois dans la journée, selon le décompte de la source ; souvent une moyenne sur les jours d’une période. Seul un nombre que la source dit « actifs quotidiens » (« DAU ») relève de cette mesure.',
    ],
    unit: USERS,
    quantity: 'people',
  },
  {
    slug: 'weekly-active-users',
    name: ['Weekly active users', 'Wöchentlich aktive Nutzende', 'Utilisateurs actifs hebdomadaires'],
    definition: [
      'People (or accounts) who used the service at least once in seven days, as the source counts them ("WAU", "actifs hebdomadaires").',
      'Menschen (oder Konten), die den Dienst innerhalb von sieben Tagen mindestens einmal genutzt haben, so wie die Quelle sie zählt („WAU“).',
      'Personnes (ou comptes) ayant utilisé le service au moins une fois en sept jours, selon le décompte de la source (« actifs hebdomadaires »).',
    ],
    unit: USERS,
    quantity: 'people',
  },
  {
    slug: 'monthly-active-users',
    name: ['Monthly active users', 'Monatlich aktive Nutzende', 'Utilisateurs actifs mensuels'],
    definition: [
      'People (or accounts) who used the service at least once in a month (a calendar month or 30 days), as the source counts them ("MAU", "actifs mensuels").',
      'Menschen (oder Konten), die den Dienst in einem Monat (Kalendermonat oder 30 Tage) mindestens einmal genutzt haben, so wie die Quelle sie zählt („MAU“).',
      'Personnes (ou comptes) ayant utilisé le service au moins une fois dans le mois (mois civil ou 30 jours), selon le décompte de la source (« actifs mensuels »).',
    ],
    unit: USERS,
    quantity: 'people',
    comparableWith: ['monthly-users'],
  },
  {
    slug: 'monthly-users',
    name: ['Monthly users', 'Monatliche Nutzende', 'Utilisateurs mensuels'],
    definition: [
      'People who used the service during a month, when the source gives a monthly number without calling it "active" ("utilisateurs mensuels"). Comparable with monthly active users: both count users of one month.',
      'Menschen, die den Dienst in einem Monat genutzt haben, wenn die Quelle eine Monatszahl nennt, ohne sie „aktiv“ zu nennen. Mit monatlich aktiven Nutzenden vergleichbar: beide zählen die Nutzenden eines Monats.',
      'Personnes ayant utilisé le service dans le mois, quand la source donne un nombre mensuel sans le dire « actif » (« utilisateurs mensuels »). Comparable aux utilisateurs actifs mensuels : les deux comptent les utilisateurs d’un mois.',
    ],
    unit: USERS,
    quantity: 'people',
    comparableWith: ['monthly-active-users'],
  },
  {
    slug: 'users-unspecified',
    name: ['Users (not defined by the source)', 'Nutzende (von der Quelle nicht definiert)', 'Utilisateurs (non définis par la source)'],
    definition: [
      'A number of "users" the source does not define: it does not say whether they are registered, active in some period, or potential. Such a number cannot be compared with any defined metric.',
      'Eine Zahl von „Nutzenden“, die die Quelle nicht definiert: Sie sagt nicht, ob sie registriert, in einem Zeitraum aktiv oder nur potenziell sind. Eine solche Zahl ist mit keiner definierten Kennzahl vergleichbar.',
      'Un nombre d’« utilisateurs » que la source ne définit pas : elle ne dit pas s’ils sont inscrits, actifs sur une période ou seulement potentiels. Un tel nombre n’est comparable à aucune mesure définie.',
    ],
    unit: USERS,
    quantity: 'people',
  },
  {
    slug: 'potential-users',
    name: ['Potential users', 'Potenzielle Nutzende', 'Utilisateurs potentiels'],
    definition: [
      'People who could use the service, for example all staff entitled to it; not people who do.',
      'Menschen, die den Dienst nutzen könnten, zum Beispiel alle berechtigten Beschäftigten; nicht die, die ihn nutzen.',
      'Personnes qui pourraient utiliser le service, par exemple tous les agents qui y ont droit ; pas celles qui l’utilisent.',
    ],
    unit: ['people', 'Personen', 'personnes'],
    quantity: 'people',
  },
  {
    slug: 'staff',
    name: ['Staff', 'Beschäftigte', 'Agents et salariés'],
    definition: [
      'People employed by an organisation, whether or not they use a given product.',
      'Bei einer Organisation beschäftigte Menschen, ob sie ein bestimmtes Produkt nutzen oder nicht.',
      'Personnes employées par une organisation, qu’elles utilisent ou non un produit donné.',
    ],
    unit: ['people', 'Personen', 'personnes'],
    quantity: 'people',
  },
  {
    slug: 'meetings-per-week',
    name: ['Meetings per week', 'Besprechungen pro Woche', 'Réunions par semaine'],
    definition: [
      'Video or audio meetings held on the service in one week, as the source counts them.',
      'Video- oder Audiobesprechungen, die in einer Woche auf dem Dienst stattfanden, so wie die Quelle sie zählt.',
      'Réunions vidéo ou audio tenues sur le service en une semaine, selon le décompte de la source.',
    ],
    unit: ['meetings', 'Besprechungen', 'réunions'],
    quantity: 'activity',
  },
  {
    slug: 'messages-per-week',
    name: ['Messages per week', 'Nachrichten pro Woche', 'Messages par semaine'],
    definition: [
      'Messages sent on the service in one week, as the source counts them.',
      'In einer Woche auf dem Dienst gesendete Nachrichten, so wie die Quelle sie zählt.',
      'Messages envoyés sur le service en une semaine, selon le décompte de la source.',
    ],
    unit: ['messages', 'Nachrichten', 'messages'],
    quantity: 'activity',
  },
  {
    slug: 'migrated-items',
    name: ['Migrated items', 'Migrierte Elemente', 'Éléments migrés'],
    definition: [
      'E-mails, calendar entries and other items moved from one system to another in a migration.',
      'E-Mails, Kalendereinträge und andere Elemente, die bei einer Migration von einem System in ein anderes übertragen wurden.',
      'Courriels, entrées d’agenda et autres éléments transférés d’un système à un autre lors d’une migration.',
    ],
    unit: ['items', 'Elemente', 'éléments'],
    quantity: 'activity',
  },
  {
    slug: 'cost-per-seat-per-year',
    name: ['Cost per seat and year', 'Kosten pro Lizenz und Jahr', 'Coût par poste et par an'],
    definition: [
      'What one user licence (seat) costs for one year, in euros, as the source states it; a list price unless the source says otherwise.',
      'Was eine Nutzerlizenz für ein Jahr kostet, in Euro, wie die Quelle es angibt; ein Listenpreis, wenn die Quelle nichts anderes sagt.',
      'Ce que coûte une licence utilisateur (un poste) pour un an, en euros, tel que la source l’indique ; un prix catalogue sauf si la source dit autre chose.',
    ],
    unit: ['euros per seat and year', 'Euro pro Lizenz und Jahr', 'euros par poste et par an'],
    quantity: 'money',
  },
  {
    slug: 'public-funding',
    name: ['Public funding', 'Öffentliche Förderung', 'Financement public'],
    definition: [
      'Public money granted or budgeted for a product or programme, in euros, over the period the source gives.',
      'Für ein Produkt oder Programm bewilligte oder eingeplante öffentliche Mittel, in Euro, über den Zeitraum, den die Quelle nennt.',
      'Argent public accordé ou budgété pour un produit ou un programme, en euros, sur la période indiquée par la source.',
    ],
    unit: ['euros', 'Euro', 'euros'],
    quantity: 'money',
  },
  {
    slug: 'deployments',
    name: ['Number of deployments', 'Anzahl der Installationen', 'Nombre de déploiements'],
    definition: [
      'Separate installations (instances) of the software run by different organisations, as the source counts them.',
      'Getrennte Installationen (Instanzen) der Software, die verschiedene Organisationen betreiben, so wie die Quelle sie zählt.',
      'Installations distinctes (instances) du logiciel exploitées par différentes organisations, selon le décompte de la source.',
    ],
    unit: ['deployments', 'Installationen', 'déploiements'],
    quantity: 'count',
  },
  {
    slug: 'organisations',
    name: ['Organisations', 'Organisationen', 'Organisations'],
    definition: [
      'Organisations (authorities, companies, consortia…) the source counts, for example those using or funded for a product.',
      'Organisationen (Behörden, Unternehmen, Konsortien …), die die Quelle zählt, zum Beispiel solche, die ein Produkt nutzen oder dafür gefördert werden.',
      'Organisations (administrations, entreprises, consortiums…) que la source dénombre, par exemple celles qui utilisent un produit ou sont financées pour lui.',
    ],
    unit: ['organisations', 'Organisationen', 'organisations'],
    quantity: 'count',
  },
  {
    slug: 'inquiries',
    name: ['Inquiries', 'Anfragen', 'Demandes'],
    definition: [
      'Requests or expressions of interest received from organisations, as the source counts them.',
      'Von Organisationen eingegangene Anfragen oder Interessensbekundungen, so wie die Quelle sie zählt.',
      'Demandes ou marques d’intérêt reçues d’organisations, selon le décompte de la source.',
    ],
    unit: ['inquiries', 'Anfragen', 'demandes'],
    quantity: 'count',
  },
  {
    slug: 'mailboxes',
    name: ['Mailboxes', 'Postfächer', 'Boîtes aux lettres'],
    definition: [
      'E-mail mailboxes, personal and shared, on a mail system.',
      'Persönliche und gemeinsame E-Mail-Postfächer auf einem Mailsystem.',
      'Boîtes aux lettres électroniques, personnelles et partagées, d’une messagerie.',
    ],
    unit: ['mailboxes', 'Postfächer', 'boîtes'],
    quantity: 'count',
  },
  {
    slug: 'workstations',
    name: ['IT workstations', 'IT-Arbeitsplätze', 'Postes de travail'],
    definition: [
      'Computer workplaces an organisation provides to its staff and equips with the software.',
      'Computerarbeitsplätze, die eine Organisation ihren Beschäftigten bereitstellt und mit der Software ausstattet.',
      'Postes informatiques qu’une organisation fournit à son personnel et équipe du logiciel.',
    ],
    unit: ['workstations', 'Arbeitsplätze', 'postes'],
    quantity: 'count',
  },
  {
    slug: 'tools-in-suite',
    name: ['Tools in a suite', 'Werkzeuge einer Suite', 'Outils d’une suite'],
    definition: [
      'Separate applications that make up a software suite, as its publisher lists them.',
      'Einzelne Anwendungen, aus denen eine Software-Suite besteht, wie ihr Herausgeber sie aufzählt.',
      'Applications distinctes qui composent une suite logicielle, telles que son éditeur les énumère.',
    ],
    unit: ['tools', 'Werkzeuge', 'outils'],
    quantity: 'count',
  },
  {
    slug: 'duration-months',
    name: ['Duration in months', 'Dauer in Monaten', 'Durée en mois'],
    definition: [
      'How long something took or lasts (a growth, a migration), in months.',
      'Wie lange etwas gedauert hat oder dauert (ein Wachstum, eine Migration), in Monaten.',
      'Durée de quelque chose (une croissance, une migration), en mois.',
    ],
    unit: ['months', 'Monate', 'mois'],
    quantity: 'duration',
  },
  {
    slug: 'contract-term-years',
    name: ['Contract term in years', 'Vertragslaufzeit in Jahren', 'Durée du contrat en années'],
    definition: [
      'The length of a contract’s (initial) term, in years.',
      'Die (Erst-)Laufzeit eines Vertrags, in Jahren.',
      'La durée (initiale) d’un contrat, en années.',
    ],
    unit: ['years', 'Jahre', 'ans'],
    quantity: 'duration',
  },
  {
    slug: 'share-of-registered-accounts',
    name: ['Share of registered accounts', 'Anteil an den registrierten Konten', 'Part des comptes inscrits'],
    definition: [
      'The part of a service’s registered accounts that belongs to a group the source names, in per cent.',
      'Der Teil der registrierten Konten eines Dienstes, der zu einer von der Quelle genannten Gruppe gehört, in Prozent.',
      'La part des comptes inscrits d’un service qui revient à un groupe nommé par la source, en pourcentage.',
    ],
    unit: ['per cent', 'Prozent', 'pour cent'],
    quantity: 'share',
  },
  {
    slug: 'share-of-licences-cancelled',
    name: ['Share of licences cancelled', 'Anteil gekündigter Lizenzen', 'Part des licences résiliées'],
    definition: [
      'The part of an organisation’s licences for a product that it has cancelled, in per cent.',
      'Der Teil der Lizenzen einer Organisation für ein Produkt, den sie gekündigt hat, in Prozent.',
      'La part des licences d’une organisation pour un produit qu’elle a résiliées, en pourcentage.',
    ],
    unit: ['per cent', 'Prozent', 'pour cent'],
    quantity: 'share',
  },
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('metrics')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_de', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('definition_en', 'text', (c) => c.notNull())
    .addColumn('definition_de', 'text', (c) => c.notNull())
    .addColumn('definition_fr', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('unit_de', 'text', (c) => c.notNull())
    .addColumn('unit_fr', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('comparable_with', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  const createdAt = new Date().toISOString()
  await db
    .insertInto('metrics')
    .values(
      METRICS.map((m) => ({
        slug: m.slug,
        name_en: m.name[0], name_de: m.name[1], name_fr: m.name[2],
        definition_en: m.definition[0], definition_de: m.definition[1], definition_fr: m.definition[2],
        unit_en: m.unit[0], unit_de: m.unit[1], unit_fr: m.unit[2],
        quantity: m.quantity,
        comparable_with: JSON.stringify(m.comparableWith ?? []),
        created_at: createdAt,
      })),
    )
    .execute()

  await db.schema.alterTable('figures').addColumn('product', 'text').execute()
  await db.schema.alterTable('figures').addColumn('metric_definition', 'text').execute()
  await db.schema.createIndex('figures_product_metric').on('figures').columns(['product', 'metric']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('figures_product_metric').ifExists().execute()
  await db.schema.alterTable('figures').dropColumn('metric_definition').execute()
  await db.schema.alterTable('figures').dropColumn('product').execute()
  await db.schema.dropTable('metrics').ifExists().execute()
}
