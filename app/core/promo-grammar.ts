import type { Lang } from './lang'

/**
 * Promotional language found by grammar, beside the lexicon of ./lexicon.ts: superlatives in every
 * form ("the safest", "our most powerful", "am schnellsten", "die sicherste", "bestmöglich", "le plus
 * rapide", "la plus fiable"), intensified and colloquial praise ("rock-solid", "insanely fast",
 * "absolut zuverlässig", "kinderleicht", "hyper stable", "vraiment top") and set phrases ("second to
 * none", "a breeze", "ein Kinderspiel", "Weltklasse", "hors pair", "haut de gamme").
 *
 * Superlatives are praise when their adjective praises: the dimensional and frequency ones that
 * neutral prose uses ("the oldest distribution", "the most recent version", "am häufigsten", "le
 * plus souvent", "la plus ancienne") are left alone, and so is "the most" before a noun.
 * `findMarketing` scans for these and the lexicon's terms in one pass (the grammar's alternatives
 * first, so a longer phrase wins over a lexicon word it contains: "top-aktuell", "truly unique"),
 * and applies the same exemptions to both (names, attributed quotations).
 */

/** Letters of the three languages, spelled out: without the `u` flag the scan is several times faster. */
const L = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F'
const LETTER = `[${L}]`
const B = `(?<![${L}0-9_])`
const E = `(?![${L}0-9_])`
const S = '[\\s\\u00A0]+'
const H = '[\\s\\u00A0\\-‐‑]*'

/** Adjectives of praise that intensifiers and superlatives attach to. */
const EN_PRAISE = 'fast|quick|easy|simple|stable|reliable|secure|smooth|powerful|intuitive|good|great|fluid|efficient|flexible|robust|responsive|polished|useful|helpful|snappy|solid|lightweight|affordable|cheap|elegant|beautiful|slick|clean|user-friendly|performant|accurate|capable|convenient|seamless'
const DE_PRAISE = 'schnell|stabil|einfach|zuverlässig|sicher|leicht|gut|komfortabel|intuitiv|praktisch|performant|robust|flott|flüssig|simpel|bequem|günstig|genial|stark|benutzerfreundlich|effizient|flexibel|leistungsfähig|durchdacht|ausgereift'
const FR_PRAISE = 'rapide|stable|simple|fiable|sûre?|sécurisée?|performante?|intuitive?|efficace|facile|puissante?|complète?|pratique|fluide|robuste|souple|ergonomique|agréable|bien|top|génial|excellente?'

/** Superlative stems that praise ("safest", not "oldest"). */
const EN_EST = '(?:saf|fast|easi|simpl|cheap|strong|smart|fin|cool|slick|clean|quick|bright|smooth|sleek|fresh|sharp|nic|light|tight|hott|friendli|sturdi|speedi|trendi|handi|tidi)est'
/** Superlatives that state a dimension, an age or a frequency, not praise. */
const EN_NEUTRAL_AFTER_MOST = 'recent|common|commonly|frequent|frequently|likely|relevant|visited|basic|obvious|significant|cited|affected|vulnerable|populous|expensive|difficult|complex|controversial|critical|severe|serious|recently|often|part|of|people|users|countries|cases'
const DE_NEUTRAL_SUPERLATIVE = 'häufigsten|meisten|wenigsten|ehesten|längsten|größten|kleinsten|höchsten|niedrigsten|stärksten|ältesten|jüngsten|frühesten|spätesten|nächsten|weitesten|letzten|ersten|schwersten|geringsten|teuersten|seltensten|öftesten|wichtigsten'
const DE_SUPERLATIVE_STEMS = 'sicher|schnell|einfach|leistungsstärk|benutzerfreundlich|zuverlässig|stabil|günstig|preiswert|effizient|leistungsfähig|fortschrittlich|umfassend|intuitiv|bequem|komfortabl?e?|smart|elegant|flexibl?e?|mächtig|innovativ|modern|beliebt|erfolgreich|performant|robust|schlank|schön|toll|fein|genial|hochwertig|sauber|durchdacht|ausgereift'
const FR_NEUTRAL_AFTER_PLUS = 'souvent|tôt|tard|de|d|possible|récente?s?|ancienne?s?|anciens|vieux|vieille?s?|grande?s?|petite?s?|proches?|courante?s?|fréquente?s?|probables?|longue?s?|élevée?s?|basse?s?|touchée?s?|peuplée?s?|chère?s?|coûteuse?s?|coûteux|difficiles?|complexes?|lointaine?s?|tardive?s?|importante?s?|utilisée?s?|répandue?s?'

/** What vendors promise "maximum" of: security, privacy, quality… */
const EN_PROMISE = `security|privacy|protection|reliability|performance|quality|flexibility|comfort|convenience|availability|peace${S}of${S}mind|control|efficiency`
const DE_PROMISE = 'Sicherheit|Qualität|Zuverlässigkeit|Leistung|Verfügbarkeit|Ansprüche[n]?|Standards?|Präzision|Flexibilität|Performance|Datenschutz|Komfort|Effizienz|Kontrolle'
const FR_PROMISE = 'sécurité|qualité|fiabilité|performances?|disponibilité|confidentialité|protection|flexibilité|efficacité|confort|simplicité|souplesse|maîtrise'

const PATTERNS: Record<Lang, string[]> = {
  en: [
    `${EN_EST}(?:-${LETTER}+)?`,
    `(?:highest|lowest)${S}(?:quality|security|standards?|performance|reliability|prices?)`,
    `(?:maximum|maximal|ultimate|total|absolute|complete|unmatched|uncompromising)${S}(?:${EN_PROMISE})`,
    `(?:the${S}|your${S}|our${S})?(?:first${S}choice|number${S}one${S}(?:choice|solution|platform))`,
    `(?:(?:the|our|its|their|your)${S}(?:very${S})?|(?<=^|[.!?]${S}))(?:most|least)${S}(?!(?:${EN_NEUTRAL_AFTER_MOST})${E})${LETTER}+(?:ful|ive|able|ible|ent|ant|ous|ic|al|ed|ing|ure|ile|ust|ct|ly|y|ar|ate|ite|ine|ory|ary|ious|less|ced|ern|sive|ward|ete|ure)(?:-${LETTER}+)?`,
    `best${H}possible|best${H}of${H}breed|bar${S}none|second${S}to${S}none|top${H}(?:notch|tier|of${H}the${H}(?:line|range))|first${H}(?:class|rate)|world${H}beating|rock${H}solid|gold${S}standard|cream${S}of${S}the${S}crop`,
    `(?:blazing(?:ly)?|lightning|super|ultra|hyper|insanely|incredibly|amazingly|extremely|ridiculously|remarkably|exceptionally|truly|really|absolutely|crazy|dead|wicked)${H}(?:${EN_PRAISE}|unique|remarkable|impressive)`,
    `a${S}(?:breeze|no${H}brainer|joy${S}to${S}use)|hands${S}down|miles${S}ahead|head${S}and${S}shoulders${S}above|leaps${S}and${S}bounds|(?:works|running|runs)${S}like${S}a${S}charm|out${S}of${S}this${S}world|(?:the${S})?go${H}to${S}(?:solution|choice|tool|platform)`,
    `un(?:beatable|matched|paralleled|rivall?ed|surpassed|equall?ed)|peerless|ultimate|flagship|(?:resounding|huge|roaring|runaway)${S}success|simply${S}the${S}best|made${S}in${S}(?:Germany|France|Europe|the${S}EU)`,
  ],
  de: [
    `[Aa]m${S}(?!(?:${DE_NEUTRAL_SUPERLATIVE})${E})${LETTER}+e?sten`,
    `(?:${DE_SUPERLATIVE_STEMS})e?st(?:e|en|er|es|em)`,
    `(?:best|größt|höchst)möglich(?:e[nmrs]?)?`,
    `(?:höchste|maximale|absolute|totale|kompromisslose|volle)[nmr]?${S}(?:${DE_PROMISE})`,
    `(?:die${S}|Ihre${S}|unsere${S})?erste${S}Wahl|wie${S}am${S}Schnürchen|(?:sucht|suchen)${S}(?:seines|ihres)gleichen|(?:seines|ihres)gleichen${S}(?:sucht|suchen)`,
    `(?:super|extrem|unglaublich|absolut|total|mega|ultra|hyper|echt|wirklich|richtig|voll|irre|wahnsinnig|spielend)${H}(?:${DE_PRAISE})(?:e[nmrs]?)?`,
    `(?:blitz|kinder|bomben|grund|kugel|felsen|bären|super|mega|ultra|hyper)(?:schnell|leicht|fest|solide|sicher|stark|stabil|einfach|günstig)(?:e[nmrs]?)?`,
    `ein${S}Kinderspiel|der${S}Hammer|um${S}Längen${S}(?:besser|schneller|voraus|überlegen)|[Rr]undum${H}[Ss]orglos(?:-?${LETTER}+)?|ultimativ${LETTER}*|auf${S}dem${S}neuesten${S}Stand(?:${S}der${S}Technik)?|[Ss]tate${H}of${H}the${H}[Aa]rt|top${H}aktuell${LETTER}*|erstklassig${LETTER}*|[Ww]eltklasse|[Ss]pitzenklasse|[Nn]onplusultra|ohnegleichen|sucht${S}seinesgleichen|unschlagbar${LETTER}*|unvergleichlich${LETTER}*|unübertroffen${LETTER}*|hochmodern${LETTER}*|bestens|[Gg]ame${H}?[Cc]hanger|[Vv]orzeige${LETTER}+|[Tt]op-(?!level|down|up)${LETTER}+|made${S}in${S}(?:Germany|Europe)`,
  ],
  fr: [
    `(?:le|la|les|l['’]|des)(?:${S})?(?:plus|moins)${S}(?!(?:${FR_NEUTRAL_AFTER_PLUS})${E})(?!simple${S}(?:est|c['’]est|serait))${LETTER}+`,
    `(?:${'(?:super|hyper|ultra|vraiment|extrêmement|incroyablement|totalement|parfaitement|méga)'})${H}(?:${FR_PRAISE})${E}`,
    `(?:${FR_PROMISE})${S}(?:maximale|optimale|absolue|totale|inégalée|irréprochable|sans${S}faille)`,
    `(?:le${S})?nec${S}plus${S}ultra|sans${S}pareil(?:le)?s?|(?:c['’]est${S})?du${S}grand${S}art|(?:le${S}|votre${S})?premier${S}choix|comme${S}sur${S}des${S}roulettes`,
    `ultra${H}${LETTER}{4,}|ultimes?|hors${S}pair|sans${S}égale?s?|inégal(?:ée?s?|able|ables)|imbattables?|incomparables?|haut${H}de${H}gamme|fleurons?|un${S}jeu${S}d['’]enfant|d['’]une${S}simplicité${S}enfantine|simple${S}comme${S}bonjour|à${S}toute${S}épreuve|solide${S}comme${S}un${S}roc|(?<!heures?${S})de${S}pointe|clés?${H}en${H}mains?|au${S}top|le${S}top${S}du${S}top|de${S}la${S}bombe|géniale?s?|à${S}des${S}années${H}lumière|de${S}très${S}haut${S}niveau|incontournables?|sans${S}compromis(?:${S}sur${S}${LETTER}+${S}${LETTER}+)?|(?:s['’])?intègre(?:nt)?${S}parfaitement|made${S}in${S}(?:France|Europe)|sans${S}précédent`,
  ],
}

/**
 * Weasel words by grammar: an unnamed group and a verb of saying or believing ("many believe",
 * "most users agree", "viele glauben", "die meisten Nutzer sind sich einig", "beaucoup pensent",
 * "la plupart des utilisateurs s'accordent"), and the impersonal forms that hide who says so ("it
 * has been claimed", "es wird oft gesagt", "on dit souvent", "il est reconnu que"). The lexicon
 * lists set phrases; this covers the combinations, so a new subject or verb is found too.
 * A named source ("Gartner says") is never matched: the subject must be a quantifier or a
 * plural noun of unnamed people or studies.
 */
const EN_WHO = `people|users|observers|experts|analysts|critics|commentators|researchers|scholars|admins|administrators|developers|customers|organi[sz]ations|schools|agencies|officials|sources|insiders|others|members|reviewers|teachers|IT${S}(?:departments|managers)`
const EN_SAY = `believe[sd]?|say|says|said|think|thinks|thought|agree[sd]?|argue[sd]?|claim(?:s|ed)?|suggest(?:s|ed)?|feel|feels|felt|consider(?:s|ed)?|contend(?:s|ed)?|insist(?:s|ed)?|assume[sd]?|reckon(?:s|ed)?|swear|swears|(?:report(?:s|ed)?|maintain(?:s|ed)?|hold|holds|recogni[sz]e[sd]?|warn(?:s|ed)?|find|finds|found|show|shows|showed|indicate[sd]?|point${S}out)(?=${S}that${E})`
const EN_ADVERB = `(?:${S}(?:often|generally|widely|commonly|frequently|usually|also|still|now|increasingly|rightly|long|sometimes|have|had|would|will))*`
const DE_WHO = 'Menschen|Leute|Nutzer(?:innen)?|Nutzende|Anwender(?:innen)?|Experten|Expertinnen|Fachleute|Beobachter(?:innen)?|Kritiker(?:innen)?|Analysten|Admins|Administratoren|Entwickler(?:innen)?|Kunden|Behörden|Schulen|Stimmen|Quellen|Studien|Lehrkräfte|Verwaltungen|Kommunen'
const DE_SAY = `sind${S}sich${S}einig|(?:sind|waren)${S}(?:der${S}(?:Meinung|Ansicht|Auffassung)|überzeugt)|glauben|glaubten|meinen|meinten|sagen|sagten|behaupten|behaupteten|denken|dachten|gehen${S}davon${S}aus|schwören${S}auf|(?:finden|fanden|halten${S}es${S}für${S}${LETTER}+|sehen|schätzen|berichten|berichteten|bestätigen|betonen|zeigen|zeigten|belegen|warnen|loben|bemängeln|kritisieren)(?=,?${S}dass${E})`
const DE_ADVERB = `(?:${S}(?:oft|häufig|allgemein|inzwischen|längst|immer${S}wieder|auch|weiterhin|zunehmend))*`
const FR_WHO = 'gens|utilisateurs|utilisatrices|usagers|observateurs|experts|spécialistes|analystes|critiques|commentateurs|chercheurs|administrateurs|développeurs|clients|administrations|collectivités|écoles|agents|sources|études|enseignants|DSI'
const FR_SAY = `pensent|estiment|disent|affirment|croient|jugent|considèrent|s['’]accordent|assurent|prétendent|soutiennent|jurent|(?:trouvent|soulignent|reconnaissent|rapportent|montrent|indiquent|suggèrent|déplorent|regrettent)(?=${S}qu(?:e${E}|['’]))`
const FR_ADVERB = `(?:${S}(?:souvent|généralement|volontiers|parfois|aussi|désormais|toujours|unanimement))*`

const WEASEL_PATTERNS: Record<Lang, string[]> = {
  en: [
    `(?:many|some|most|several|numerous|countless|plenty${S}of)(?:${S}(?:of${S}the${S})?(?:${EN_WHO}))?${EN_ADVERB}${S}(?:${EN_SAY})`,
    `(?:critics|experts|analysts|observers|commentators|insiders|studies|surveys|reports|researchers)${EN_ADVERB}${S}(?:${EN_SAY})`,
    `research${EN_ADVERB}${S}(?:suggests|shows|finds|indicates|has${S}(?:shown|found))`,
    `it${S}(?:is|was|has${S}been|had${S}been|is${S}being|has${S}long${S}been)(?:${S}(?:often|generally|widely|commonly|frequently|usually|sometimes|increasingly|long|now))?${S}(?:said|claimed|believed|thought|argued|reported|accepted|assumed|held|suggested|rumou?red|alleged|recogni[sz]ed|acknowledged|estimated|understood|agreed)`,
    `according${S}to${S}(?:many|some|most|several|critics|experts|analysts|observers|insiders|sources|studies)`,
  ],
  de: [
    `(?:viele|einige|manche|zahlreiche|die${S}meisten|etliche|mehrere|nicht${S}wenige)(?:${S}(?:${DE_WHO}))?${DE_ADVERB}${S}(?:${DE_SAY})`,
    `(?:Kritiker(?:innen)?|Experten|Fachleute|Beobachter|Analysten|Insider|Studien|Umfragen|Untersuchungen|Branchenkenner)${DE_ADVERB}${S}(?:${DE_SAY})`,
    `es${S}(?:wird|wurde)(?:${S}(?:oft|häufig|allgemein|vielfach|immer${S}wieder|gemeinhin|weithin|zunehmend))*${S}(?:gesagt|behauptet|angenommen|vermutet|berichtet|geschätzt|befürchtet|kritisiert|gelobt)`,
    `man${S}(?:sagt|hört|liest|munkelt|geht${S}davon${S}aus)|wie${S}(?:man|jeder)${S}weiß|(?:Schätzungen|Berichten|Gerüchten|Kritikern|Experten|Beobachtern)${S}zufolge|nach${S}(?:Ansicht|Meinung|Einschätzung)${S}(?:vieler|einiger|mancher|von${S}(?:Experten|Kritikern|Beobachtern))`,
  ],
  fr: [
    `(?:beaucoup|certain(?:e)?s|plusieurs|nombreux|la${S}plupart(?:${S}des${S}(?:${FR_WHO}))?|de${S}nombreu(?:x|ses)${S}(?:${FR_WHO})|bon${S}nombre(?:${S}d['’](?:${FR_WHO}))?|nombre${S}d['’](?:${FR_WHO}))${FR_ADVERB}${S}(?:${FR_SAY})`,
    `(?:les${S})?(?:critiques|experts|spécialistes|observateurs|analystes|études|sondages|enquêtes)${FR_ADVERB}${S}(?:${FR_SAY})`,
    `on${S}(?:dit|pense|estime|croit|raconte|prétend|affirme|considère)(?:${S}(?:souvent|généralement|volontiers|parfois|communément))?(?:${S}que)?`,
    `il${S}(?:est|serait|semble|était)(?:${S}(?:souvent|généralement|communément|largement|unanimement|aujourd['’]hui))?${S}(?:dit|admis|reconnu|établi|convenu|acquis|avéré)${S}que|il${S}paraît${S}que|(?:d['’]après|selon)${S}(?:beaucoup|plusieurs|de${S}nombreux${S}(?:${FR_WHO})|les${S}(?:experts|critiques|observateurs|spécialistes))`,
  ],
}

/** The grammar as one pattern, for the promotional-language scanner to run in its own pass. */
export function promotionalGrammarSource(lang: Lang): string {
  return `(?:${[...WEASEL_PATTERNS[lang], ...PATTERNS[lang]].join('|')})`
}

const sticky = new Map<string, RegExp>()

function matchesAt(key: string, source: () => string, text: string, start: number, length: number): boolean {
  let re = sticky.get(key)
  if (!re) {
    re = new RegExp(`${B}${source()}${E}`, 'iy')
    sticky.set(key, re)
  }
  re.lastIndex = start
  return re.exec(text)?.[0].length === length
}

/** What the grammar found exactly `length` characters at `start` to be (names a scanner's match). */
export function grammarCategoryAt(text: string, lang: Lang, start: number, length: number): 'weasel' | 'peacock' | undefined {
  if (matchesAt(`weasel:${lang}`, () => `(?:${WEASEL_PATTERNS[lang].join('|')})`, text, start, length)) return 'weasel'
  if (matchesAt(`praise:${lang}`, () => `(?:${PATTERNS[lang].join('|')})`, text, start, length)) return 'peacock'
  return undefined
}
