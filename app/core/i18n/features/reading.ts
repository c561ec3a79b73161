import { formatNumber } from '../../format'
import { plural } from '../plural'

const num = { en: (n: number) => formatNumber('en', n), de: (n: number) => formatNumber('de', n), fr: (n: number) => formatNumber('fr', n) }

/**
 * The reading layout and the header (issue 15): the side column's contents and page facts, the
 * legend of the marks a figure carries in the text, the grouped references and the menus.
 * French puts a narrow no-break space before : ; ! ? (written here as \u202f).
 */
const en = {
  'nav.menu': 'Menu',
  'nav.userMenu': ({ name }: { name: string }) => `Account menu of ${name}`,
  'nav.contributions': 'Your contributions',
  'lang.choose': ({ name }: { name: string }) => `Show the site in ${name}`,
  'aside.label': 'About this comparison',
  'aside.toggle': 'Contents and page facts',
  'aside.contents': 'Contents',
  'aside.citations': 'References',
  'facts.title': 'Page facts',
  'facts.figures': ({ count }: { count: number }) => plural('en', count, { one: '1 cited figure', other: `${num.en(count)} cited figures` }),
  'facts.outdated': ({ count, months }: { count: number; months: number }) => `${num.en(count)} older than ${num.en(months)} months`,
  'facts.selfReported': ({ count }: { count: number }) => `${num.en(count)} self-reported by a vendor`,
  'facts.disputed': ({ count }: { count: number }) => `${num.en(count)} disputed`,
  'facts.notComparable': ({ count }: { count: number }) => `${num.en(count)} not comparable`,
  'facts.lastApproved': ({ date }: { date: string }) => `Last approved ${date}`,
  'facts.neverApproved': 'Not approved yet',
  'legend.title': 'Marks on figures',
  'legend.cited': 'A figure with its source: select it to see the evidence',
  'mark.outdated': 'may be outdated',
  'mark.selfReported': 'self-reported',
  'mark.disputed': 'disputed',
  'mark.notComparable': 'not comparable',
  'legend.outdated': ({ months }: { months: number }) => `may be outdated: as of more than ${num.en(months)} months ago`,
  'legend.selfReported': 'self-reported: the maker says this about its own product',
  'legend.disputed': 'disputed: a reader report is open',
  'legend.notComparable': 'not comparable: counts something different from the figures beside it',
  'refs.backTo': ({ n }: { n: string }) => `Back to citation ${n} in the text`,
  'refs.citedTimes': ({ count }: { count: number }) => plural('en', count, { one: 'cited once', other: `cited ${num.en(count)} times` }),
}

const de: typeof en = {
  'nav.menu': 'Menü',
  'nav.userMenu': ({ name }) => `Kontomenü von ${name}`,
  'nav.contributions': 'Deine Beiträge',
  'lang.choose': ({ name }) => `Seite auf ${name} anzeigen`,
  'aside.label': 'Über diesen Vergleich',
  'aside.toggle': 'Inhalt und Seitenangaben',
  'aside.contents': 'Inhalt',
  'aside.citations': 'Belege',
  'facts.title': 'Seitenangaben',
  'facts.figures': ({ count }) => plural('de', count, { one: '1 belegte Zahl', other: `${num.de(count)} belegte Zahlen` }),
  'facts.outdated': ({ count, months }) => `${num.de(count)} älter als ${num.de(months)} Monate`,
  'facts.selfReported': ({ count }) => `${num.de(count)} Herstellerangaben`,
  'facts.disputed': ({ count }) => `${num.de(count)} bestritten`,
  'facts.notComparable': ({ count }) => `${num.de(count)} nicht vergleichbar`,
  'facts.lastApproved': ({ date }) => `Zuletzt freigegeben am ${date}`,
  'facts.neverApproved': 'Noch nicht freigegeben',
  'legend.title': 'Zeichen an Zahlen',
  'legend.cited': 'Eine Zahl mit Quelle: auswählen, um den Beleg zu sehen',
  'mark.outdated': 'möglicherweise veraltet',
  'mark.selfReported': 'Herstellerangabe',
  'mark.disputed': 'bestritten',
  'mark.notComparable': 'nicht vergleichbar',
  'legend.outdated': ({ months }) => `möglicherweise veraltet: Stand älter als ${num.de(months)} Monate`,
  'legend.selfReported': 'Herstellerangabe: der Hersteller sagt dies über sein eigenes Produkt',
  'legend.disputed': 'bestritten: eine Meldung von Lesenden ist offen',
  'legend.notComparable': 'nicht vergleichbar: zählt etwas anderes als die Zahlen daneben',
  'refs.backTo': ({ n }) => `Zurück zum Beleg ${n} im Text`,
  'refs.citedTimes': ({ count }) => plural('de', count, { one: 'einmal zitiert', other: `${num.de(count)}-mal zitiert` }),
}

const fr: typeof en = {
  'nav.menu': 'Menu',
  'nav.userMenu': ({ name }) => `Menu du compte de ${name}`,
  'nav.contributions': 'Vos contributions',
  'lang.choose': ({ name }) => `Afficher le site en ${name}`,
  'aside.label': 'À propos de ce comparatif',
  'aside.toggle': 'Sommaire et informations sur la page',
  'aside.contents': 'Sommaire',
  'aside.citations': 'Références',
  'facts.title': 'Informations sur la page',
  'facts.figures': ({ count }) => plural('fr', count, { one: '1 chiffre sourcé', other: `${num.fr(count)} chiffres sourcés` }),
  'facts.outdated': ({ count, months }) => `${num.fr(count)} datant de plus de ${num.fr(months)} mois`,
  'facts.selfReported': ({ count }) => plural('fr', count, { one: `${num.fr(count)} déclaré par l’éditeur`, other: `${num.fr(count)} déclarés par l’éditeur` }),
  'facts.disputed': ({ count }) => plural('fr', count, { one: `${num.fr(count)} contesté`, other: `${num.fr(count)} contestés` }),
  'facts.notComparable': ({ count }) => plural('fr', count, { one: `${num.fr(count)} non comparable`, other: `${num.fr(count)} non comparables` }),
  'facts.lastApproved': ({ date }) => `Dernière validation le ${date}`,
  'facts.neverApproved': 'Pas encore validée',
  'legend.title': 'Signes sur les chiffres',
  'legend.cited': 'Un chiffre avec sa source\u202f: sélectionnez-le pour voir la preuve',
  'mark.outdated': 'peut-être obsolète',
  'mark.selfReported': 'déclaré par l’éditeur',
  'mark.disputed': 'contesté',
  'mark.notComparable': 'non comparable',
  'legend.outdated': ({ months }) => `peut-être obsolète\u202f: chiffre datant de plus de ${num.fr(months)} mois`,
  'legend.selfReported': 'déclaré par l’éditeur\u202f: le fabricant le dit de son propre produit',
  'legend.disputed': 'contesté\u202f: un signalement de lecteur est ouvert',
  'legend.notComparable': 'non comparable\u202f: compte autre chose que les chiffres voisins',
  'refs.backTo': ({ n }) => `Retour à la référence ${n} dans le texte`,
  'refs.citedTimes': ({ count }) => plural('fr', count, { one: 'cité une fois', other: `cité ${num.fr(count)} fois` }),
}

export const readingMessages = { en, de, fr }
