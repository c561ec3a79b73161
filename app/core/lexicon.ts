/**
 * The promotional-language lexicon used by `findMarketing` (./marketing.ts), as data.
 *
 * Started from the sourced list in the project docs (Wikipedia MOS:PUFFERY, MOS:WEASEL, MOS:DOUBT,
 * MOS:EDITORIAL, WP:As of, de-WP Wieselwörter/WSIGA, fr-WP Contenu évasif/TUP, Académie française on
 * anglicisms of superlative value, and real press phrases), then extended with inflections,
 * near-synonyms, superlatives, aspirational verbs and multi-word phrases. It is copied into the code on
 * purpose: the app never reads the docs folder at run time.
 *
 * Precision matters more than recall: a moderator queue full of false alarms gets ignored. So every
 * word that is also ordinary technical or administrative prose is either left out or guarded, and each
 * such judgement call carries a comment.
 *
 * Term syntax (compiled by ./marketing.ts):
 * - matching is case-insensitive and on whole words (Unicode letters, marks and digits);
 * - a space matches any run of whitespace, including U+00A0 and U+202F;
 * - `'` matches ' and ’; `-` matches -, U+2010 and U+2011 (but not a space);
 * - `ß` also matches `ss` (Swiss spelling: "Massstäbe");
 * - a lone `~` stands for up to three intervening words ("setzt ~ Maßstäbe" matches
 *   "setzt europaweit Maßstäbe");
 * - a lone `#` stands for one to three quantity words or numbers ("il y a # ans" matches "il y a deux
 *   ans" and "il y a plus de 2 ans", but not "il y a trois serveurs par an": "il y a" is also "there are").
 * - A term written in lower case is not flagged when the text capitalises it in mid-sentence (it is then
 *   most likely a name: "USA Today", "Great Firewall", "Leader Price"); German nouns are written
 *   capitalised in the lexicon, so the rule leaves them alone.
 */
import type { Lang } from './lang'
import type { MarketingCategory } from './marketing'

/**
 * Context conditions, as JavaScript regular-expression source compiled with the `iu` flags.
 * They must not contain capturing groups (the matcher numbers its own groups).
 */
interface LexiconGuard {
  /** Must match immediately before the term (e.g. a determiner: "the leading …"). */
  requireBefore?: string
  /** Must not match immediately before the term. */
  notBefore?: string
  /** Must match immediately after the term. */
  requireAfter?: string
  /** Must not match immediately after the term (e.g. "leading zeros"). */
  notAfter?: string
}

export interface LexiconEntry {
  term: string
  lang: Lang
  category: MarketingCategory
  /** Overrides the category's suggestion; `{t}` is replaced by the matched text. */
  suggestion?: string
  guard?: LexiconGuard
}

// ---------------------------------------------------------------------------------------------------
// Small helpers to write the data compactly.

type Spec = string | { term: string; suggestion?: string; guard?: LexiconGuard }
interface Group {
  category: MarketingCategory
  terms: readonly Spec[]
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`
/** At the start of a word. */
const B = `(?<!${WORD_CHAR})`
/** At the end of a word. */
const E = `(?!${WORD_CHAR})`
const OPENING_QUOTE = `["“„‚«‹»›'‘]`

/** One of `words`, as whole words, then whitespace (and maybe an opening scare quote) before the term. */
function precededBy(...words: string[]): string {
  return String.raw`${B}(?:${words.join('|')})\s+(?:${OPENING_QUOTE}\s*)?`
}
/** The next word (after whitespace or a hyphen) is one of `words`. */
function followedBy(...words: string[]): string {
  return String.raw`[\s\-‐‑]+(?:${words.join('|')})${E}`
}
function guarded(guard: LexiconGuard, ...terms: string[]): Spec[] {
  return terms.map((term) => ({ term, guard }))
}
/** German adjective with its endings: führend, führende, führendem, führenden, führender, führendes. */
function de(stem: string): string[] {
  return [stem, ...deEndings(stem)]
}
/** Endings only, for superlatives and for participles whose bare form is a verb ("gefeiert"). */
function deEndings(stem: string): string[] {
  return ['e', 'em', 'en', 'er', 'es'].map((ending) => stem + ending)
}
/** French adjective in both genders and numbers: innovant, innovants, innovante, innovantes. */
function fr(masculine: string, feminine: string, masculinePlural?: string): string[] {
  const plural = masculinePlural ?? (/[sx]$/.test(masculine) ? masculine : `${masculine}s`)
  return [...new Set([masculine, plural, feminine, `${feminine}s`])]
}

// ---------------------------------------------------------------------------------------------------
// English

/** Words after "leading" that make it positional or technical, not a ranking. */
const LEADING_TECHNICAL = [
  'zeros?', 'zeroes', 'spaces?', 'whitespace', 'blanks?', 'edges?', 'slash(?:es)?', 'backslash(?:es)?',
  'underscores?', 'digits?', 'characters?', 'chars?', 'dots?', 'periods?', 'tabs?', 'newlines?', 'hyphens?',
  'dashes?', 'comments?', 'bytes?', 'bits?', 'ones', 'separators?', 'delimiters?', 'indentation', 'trivia',
  'coefficients?', 'terms?', 'axis', 'lines?', 'margins?', 'padding', 'signs?', 'segments?', 'path',
  // "a leading cause", "a leading question", "leading article" (a newspaper editorial) and "played a
  // leading role" are neutral idioms in encyclopedic prose.
  'causes?', 'questions?', 'articles?', 'roles?',
]
/** Nouns that make "unique" a technical property (unique key, unique constraint …), not praise. */
const UNIQUE_TECHNICAL = [
  'identifiers?', 'ids?', 'keys?', 'constraints?', 'index(?:es)?', 'indices', 'names?', 'values?', 'numbers?',
  'tokens?', 'strings?', 'hash(?:es)?', 'slugs?', 'urls?', 'uris?', 'address(?:es)?', 'codes?', 'visitors?',
  'users?', 'e-?mails?', 'references?', 'handles?', 'combinations?', 'fingerprints?', 'serials?', 'labels?',
  'entry', 'entries', 'records?', 'rows?', 'columns?', 'fields?', 'integers?', 'nonces?', 'salts?', 'per',
  'across', 'within', 'among', 'to', 'for\\s+each', 'sessions?', 'devices?', 'filenames?', 'paths?',
]

const EN: readonly Group[] = [
  {
    category: 'peacock',
    terms: [
      'legendary', 'iconic', 'visionary', 'acclaimed', 'highly acclaimed', 'highly-acclaimed',
      'critically acclaimed', 'critically-acclaimed', 'universally acclaimed', 'innovative', 'revolutionary',
      'extraordinary', 'brilliant', 'famous', 'world-famous', 'famed', 'renowned', 'world-renowned',
      'remarkable', 'prestigious', 'world-class', 'first-class', 'first-rate', 'top-notch', 'top-tier',
      'top-rated', 'virtuoso', 'pioneering', 'phenomenal', 'groundbreaking', 'ground-breaking',
      'trailblazing', 'unparalleled', 'unrivaled', 'unrivalled', 'unmatched', 'unprecedented', 'incomparable',
      'second to none', 'amazing', 'incredible', 'stunning', 'spectacular', 'superb', 'magnificent',
      'fantastic', 'excellent', 'elite', 'immensely', 'highly regarded', 'highly-regarded',
      'highly respected', 'well-respected', 'well respected', 'most respected', 'highly influential',
      'most influential', 'among the most notable', 'one of the most important', 'one of the most',
      'one of the best', 'one of the greatest', 'one of the finest', 'one of the leading', 'one of the top',
      'the very best', 'the finest', 'the indisputable', 'the definitive', 'best-ever',
      'real pioneers', 'true pioneers', 'a real pioneer', 'a true pioneer', 'mission accomplished',
      'world-leading', 'market leader', 'market leaders', 'industry leader', 'industry leaders',
      'world leader', 'global leader', 'clear leader', 'undisputed leader', 'unquestioned leader',
      'a leader in', 'superior alternative', 'superior solution', 'far superior', 'vastly superior',
      // The brief: "popular" on its own describes adoption and is too common to flag; the superlatives and
      // intensified forms are puffery.
      'most popular', 'hugely popular', 'very popular', 'extremely popular', 'immensely popular',
      'wildly popular', 'increasingly popular',
      'most advanced', 'most powerful', 'extremely powerful', 'incredibly powerful', 'most innovative',
      'most comprehensive', 'most complete', 'most successful', 'most trusted', 'most sophisticated',
      'most feature-rich', 'most user-friendly', 'most impressive',
      { term: 'award-winning', suggestion: "Name the award and cite it instead of '{t}'." },
      'top-of-the-line', 'top-of-the-range',
      // Judgement: "top" ranks only before a noun of praise ("a top choice", "top educational institutions",
      // LEXICON.md's buzzspeak example); "the top of the page", "the top 10", "the top bar" are positions.
      {
        term: 'top',
        guard: {
          requireAfter: followedBy(
            'choices?', 'picks?', 'providers?', 'vendors?', 'suppliers?', 'solutions?', 'products?', 'quality',
            'performers?', 'brands?', 'companies', 'firms?', 'educational', 'universit(?:y|ies)', 'institutions?',
            'experts?', 'talents?', 'notch',
          ),
        },
      },
      // Judgement: "leading" is puffery only as an attributive ranking ("the leading suite", "Europe's
      // leading …"). Without a determiner it is usually the verb ("is leading the migration") and before
      // these nouns it is positional ("leading zeros", "the leading edge of the table").
      {
        term: 'leading',
        guard: {
          requireBefore: precededBy(
            'the', 'a', 'an', 'many', 'several', 'some', 'other', 'its', 'their', 'our', 'his', 'her',
            String.raw`\p{L}+['’]s`,
          ),
          notAfter: followedBy(...LEADING_TECHNICAL),
        },
      },
      // Judgement: "unique" is mostly a technical property in software prose ("unique constraint", "must
      // be unique"); it is praise only after an article or an intensifier and before a non-technical noun.
      {
        term: 'unique',
        guard: {
          requireBefore: precededBy(
            'a', 'an', 'the', 'truly', 'totally', 'completely', 'very', 'really', 'utterly', 'quite',
            'absolutely', 'so', 'its', 'their',
          ),
          notAfter: followedBy(...UNIQUE_TECHNICAL),
        },
      },
      // Judgement: "the best" is flagged; "the best practice", "the best effort", "the best way to" and
      // "to the best of our knowledge" are not.
      {
        term: 'the best',
        guard: {
          notAfter: String.raw`${followedBy('practices?', 'efforts?', 'case', 'match(?:es)?', 'fit', 'known', 'ways?')}|\s+of\s+(?:my|our|your|their|his|her|its)\s+(?:knowledge|abilit(?:y|ies))${E}`,
        },
      },
      // "great deal", "Great Britain", "a great many", "in great detail" are not praise.
      {
        term: 'great',
        guard: {
          notAfter: followedBy(
            'deal', 'majority', 'many', 'number', 'extent', 'lengths', 'care', 'detail', 'britain', 'firewall',
            'lakes?', 'wall', 'war', 'depression', 'recession', 'plains', 'barrier', 'dane',
          ),
        },
      },
      { term: 'outstanding', guard: {
        // "outstanding issues" are open ones; "still outstanding" means unresolved.
        notBefore: precededBy('still', 'remains?', 'remained', 'remaining'),
        notAfter: followedBy(
          'issues?', 'bugs?', 'requests?', 'debts?', 'balances?', 'invoices?', 'payments?', 'tasks?', 'items?',
          'work', 'questions?', 'changes?', 'tickets?', 'pull', 'prs?', 'amounts?', 'obligations?', 'shares?',
          'loans?', 'reviews?', 'migrations?', 'votes?', 'claims?',
        ),
      } },
      { term: 'exceptional', guard: {
        notAfter: followedBy(
          'circumstances?', 'cases?', 'conditions?', 'situations?', 'events?', 'access', 'control', 'flow',
          'handling', 'leave',
        ),
      } },
      // As a verb ("celebrated its tenth anniversary", "celebrated in Berlin") it reports an event.
      { term: 'celebrated', guard: {
        notAfter: followedBy('its', 'their', 'the', 'his', 'her', 'a', 'an', String.raw`\d+\p{L}*`, 'with', 'in', 'on', 'at', 'by'),
      } },
      // ARIA "landmark regions" are an accessibility term.
      { term: 'landmark', guard: {
        notBefore: precededBy('aria'),
        notAfter: followedBy('roles?', 'regions?', 'elements?', 'navigation'),
      } },
      { term: 'prominent', guard: {
        notAfter: followedBy('position', 'place', 'placement', 'location', 'display', 'spot', 'links?', 'buttons?', 'banners?', 'notices?', 'warnings?'),
      } },
      // "the greatest common divisor" is maths.
      { term: 'greatest', guard: { notAfter: followedBy('common') } },
      // "the premier of Quebec" is a head of government.
      { term: 'premier', guard: { notAfter: followedBy('of', 'league', 'minister') } },
      // The "awesome" window manager and "awesome-…" curated lists are names.
      { term: 'awesome', guard: { notAfter: String.raw`-|\s+(?:wm|window\s+manager)${E}` } },
      ...guarded(
        // "a well-known port", "the .well-known URI" are technical terms.
        {
          notAfter: followedBy(
            'ports?', 'uris?', 'urls?', 'paths?', 'locations?', 'names?', 'services?', 'endpoints?', 'files?',
            'director(?:y|ies)', 'prefix(?:es)?', 'types?', 'formats?', 'problems?', 'issues?', 'limitations?',
            'bugs?', 'attacks?', 'vulnerabilit(?:y|ies)', 'patterns?', 'algorithms?', 'examples?', 'text',
          ),
        },
        'a well-known', 'the well-known',
      ),
      // Left out on purpose (judgement calls):
      // - "hit": mostly "hit a limit", "cache hit", "hit rate" in software prose.
      // - "popular", "notable", "respected", "influential", "powerful" on their own: ordinary description
      //   ("notable users include", "the setting is respected", "more powerful hardware").
      // - "premium": names a pricing tier ("the Premium plan"). "perfect": "perfect forward secrecy".
      // - "honorable": a title. "apparent", "accused": MOS:DOUBT, but neutral in reporting.
      // - "pioneer" alone: descriptive for named historical people; "true/real pioneers" is flagged.
      // - "largest", "first": factual claims that need a source, not puffery as such.
    ],
  },
  {
    category: 'buzzword',
    terms: [
      'cutting-edge', 'cutting edge', 'leading-edge', 'state-of-the-art', 'next-generation', 'next-gen',
      'best-in-class', 'best-of-breed', 'enterprise-grade', 'military-grade', 'bank-grade', 'game-changer',
      'game changer', 'game-changing', 'paradigm shift', 'synergy', 'synergies', 'holistic', 'seamless',
      'seamlessly', 'frictionless', 'turnkey', 'one-stop shop', 'future-proof', 'sovereign by design',
      'hassle-free', 'worry-free', 'all-in-one', 'like never before', 'loved by',
      'thought leader', 'thought leaders', 'thought leadership', 'influencer', 'influencers', 'trend-setter',
      'trendsetter', 'trend-setting', 'pro actively', 'pro-actively', 'proactively', 'revolutionize',
      'revolutionizes', 'revolutionized', 'revolutionizing', 'revolutionise', 'revolutionises', 'revolutionised',
      'revolutionising', 'empower', 'empowers', 'empowering', 'supercharge', 'supercharges', 'supercharged',
      'turbocharge', 'turbocharges', 'turbocharged', 'leverages', 'leveraging', 'transformative',
      'reimagines', 'reimagined', 'reinvents', 'blazing fast', 'blazing-fast', 'blazingly fast',
      'lightning-fast', 'lightning fast', 'battle-tested', 'to the next level', 'industry-leading',
      'market-leading', 'leadership position', 'best customer satisfaction',
      { term: 'trusted by', suggestion: "Name the organisations that use it, with a source, instead of '{t}'." },
      // "non-disruptive upgrade" is an operations term.
      { term: 'disruptive', guard: { notBefore: String.raw`${B}non-` } },
      // "unlock the screen/account" is literal; only "unlocks the full potential/new possibilities" is buzz.
      ...guarded(
        {
          requireAfter: String.raw`\s+(?:the\s+|its\s+|their\s+|your\s+)?(?:full\s+|true\s+|new\s+|real\s+|untapped\s+|hidden\s+)*(?:potential|possibilit(?:y|ies)|value|innovation|opportunit(?:y|ies)|power|growth|creativity|productivity|benefits?)${E}`,
        },
        'unlock', 'unlocks', 'unlocking',
      ),
      // Left out: "robust" and "mission-critical" (verifiable engineering properties, common in neutral
      // technical prose); "empowered" ("the committee is empowered to" is legal language); "the latest".
    ],
  },
  {
    category: 'weasel',
    terms: [
      'some people say', 'some say', 'some argue', 'some claim', 'some believe', 'many people say',
      'many people believe', 'many people think', 'many scholars state', 'many are of the opinion',
      'most feel', 'it is believed', 'it is widely believed', 'it is regarded', 'it is considered',
      'it is thought', 'it is widely thought', 'it is said', 'it is often said', 'it has been said',
      'it is often reported', 'it has been suggested', 'it is widely accepted', 'it is generally accepted',
      'it is commonly believed', 'experts say', 'experts agree', 'experts believe', 'experts declare',
      'experts claim', 'most experts', 'many experts', 'many observers', 'observers say', 'critics say',
      'critics argue', 'research has shown', 'research shows', 'studies show', 'studies have shown',
      'science says', 'scientists claim', 'evidence suggests', 'widely regarded as', 'widely regarded',
      'widely considered', 'widely seen as', 'widely recognised', 'widely recognized', 'widely believed',
      'widely thought', 'universally recognised as', 'universally recognized as', 'considered by many',
      'regarded by many', 'is often reported',
      // Left out: "officially" (neutral in public administration: "officially launched on …"), "often",
      // "probably", "many" alone: too common to flag without drowning the queue.
    ],
  },
  {
    category: 'editorial',
    terms: [
      'clearly', 'obviously', 'undoubtedly', 'indisputably', 'interestingly', 'ironically', 'fortunately',
      'unfortunately', 'importantly', 'arguably', 'certainly', 'regrettably', 'notably', 'of course',
      'needless to say', 'without a doubt', 'it should be noted', 'it is important to note', 'it is worth noting',
      'it must be noted', 'surprisingly', 'remarkably', 'sadly', 'luckily', 'evidently', 'unsurprisingly',
      // "naturally occurring" is descriptive.
      { term: 'naturally', guard: { notAfter: followedBy('occurring', 'occurs?', 'occurred') } },
      // Judgement: "notably" is flagged (MOS:EDITORIAL lists it), "notable" is not (see peacock).
      // Left out: "actually", "basically", "essentially" (filler, not bias).
    ],
  },
  {
    category: 'time-relative',
    terms: [
      'currently', 'recently', 'most recently', 'today', 'nowadays', 'now', 'as of today', 'as of now',
      'as of this writing', 'at the time of writing', 'at the time of this writing', 'at present', 'presently',
      'at the moment', 'these days', 'in recent years', 'in recent months', 'lately', 'upcoming', 'this year',
      'last year', 'next year', 'years ago', 'months ago', 'weeks ago', 'a year ago', 'until now', 'up to now',
      'for now', 'right now', 'just now', 'to this day',
      'as of late', 'of late', 'in the past few years', 'in the last few years', 'over the past few years',
      'in the past year', 'last month', 'this month', 'next month', 'last week', 'this week', 'in the near future',
      'in the coming months', 'in the coming years',
      // "up to date" is not a time reference.
      { term: 'to date', guard: { notBefore: precededBy('up') } },
      // "as soon as", "soon after the launch" are relative to a stated event.
      { term: 'soon', guard: { notBefore: precededBy('as', 'how'), notAfter: followedBy('after', 'afterwards', 'thereafter', 'as') } },
      // "so far as" is an idiom.
      { term: 'so far', guard: { notAfter: followedBy('as') } },
      // Left out: "current" ("current directory", "current user" are technical), "latest" (the Docker tag),
      // "new", "modern".
    ],
  },
  {
    category: 'doubt',
    terms: [
      'so-called', 'so called', 'supposedly', 'purported', 'purportedly', 'alleged', 'allegedly',
      'self-proclaimed', 'self-styled',
      // "is supposed to run nightly" states intent.
      { term: 'supposed', guard: { notAfter: followedBy('to') } },
    ],
  },
]

// ---------------------------------------------------------------------------------------------------
// German

/** Nouns after "führend-" that make it "leading" in the typographic sense (führende Nullen). */
const FUEHREND_TECHNICAL = [
  'null', 'nullen', 'leerzeichen', 'leerzeilen', 'zeichen', 'ziffern?', 'schrägstrich(?:e|en)?', 'stellen?',
  'bits?', 'bytes?', 'tabulatoren', 'tabs?', 'bindestrich(?:e|en)?', 'unterstrich(?:e|en)?', 'kommentare?',
]

const DE: readonly Group[] = [
  {
    category: 'peacock',
    terms: [
      ...de('legendär'), ...de('großartig'), ...de('ikonisch'), ...de('visionär'), ...de('herausragend'),
      ...de('hervorragend'), ...de('richtungsweisend'), ...de('wegweisend'), ...de('zukunftsweisend'),
      ...de('topaktuell'), ...de('innovativ'), ...de('revolutionär'), ...de('brillant'), ...de('berühmt'),
      ...de('weltberühmt'), ...de('renommiert'), ...de('bemerkenswert'), ...de('prestigeträchtig'),
      ...de('virtuos'), ...de('bahnbrechend'), ...de('beispiellos'), ...de('einzigartig'),
      ...de('atemberaubend'), ...de('unglaublich'), ...de('sensationell'), ...de('phänomenal'),
      'Nummer eins', 'die Nr. 1', 'wie nie zuvor', 'ohne Kompromisse', ...de('kompromisslos'),
      ...de('unvergleichlich'), ...de('unübertroffen'), ...de('konkurrenzlos'), ...de('erstklassig'),
      ...de('hochmodern'), ...de('marktführend'), ...de('phänomenal'), ...de('sensationell'),
      ...de('fantastisch'), ...de('exzellent'), ...de('spektakulär'), ...de('unschlagbar'),
      // The bare participles are verbs ("wurde gefeiert", "Wir überlegen"); only the adjective forms praise.
      ...deEndings('gefeiert'), ...deEndings('überlegen'),
      // Superlatives. "beliebt" alone is left out, like English "popular".
      ...deEndings('beliebtest'), ...deEndings('modernst'), ...deEndings('fortschrittlichst'),
      ...deEndings('leistungsfähigst'), ...deEndings('innovativst'),
      'am besten', 'am modernsten', 'der beste', 'die beste', 'das beste', 'den besten', 'dem besten',
      'des besten', 'die besten', 'der besten', 'eine der besten', 'einer der besten', 'eines der besten',
      'sehr beliebt', 'äußerst beliebt', 'überaus beliebt', 'weltweit führend', 'europaweit führend',
      'Weltklasse', 'Marktführer', 'Marktführerin', 'Vorreiter', 'Vorreiterin', 'Vorreitermodell',
      'Vorreiterrolle', 'Vorzeigeprojekt', 'Leuchtturmprojekt', 'Leuchtturm', 'Pionierprojekt',
      'echtes Pionierprojekt', 'echte Pioniere', 'wahre Pioniere', 'Pionierarbeit', 'Pionierrolle',
      'Erfolgsgeschichte', 'Erfolgsmodell', 'Paradebeispiel', 'Aushängeschild', 'Flaggschiff',
      'setzt ~ Maßstäbe', 'setzen ~ Maßstäbe', 'setzte ~ Maßstäbe', 'neue Maßstäbe', 'Maßstäbe gesetzt',
      'Mission erfüllt', 'echte Alternative', 'überlegene Alternative',
      // "Meilenstein 2" in a project plan is neutral; "ein Meilenstein für die Souveränität" is praise.
      'Meilenstein für', 'historischer Meilenstein', 'wichtiger Meilenstein',
      { term: 'preisgekrönt', suggestion: 'Nennen Sie den Preis mit Beleg statt ‚{t}‘.' },
      ...deEndings('preisgekrönt').map((term) => ({ term, suggestion: 'Nennen Sie den Preis mit Beleg statt ‚{t}‘.' })),
      // "außergewöhnliche Umstände" is legal language.
      ...guarded(
        { notAfter: followedBy('umstände', 'umständen', 'fälle', 'fällen', 'kündigung', 'belastung', 'belastungen') },
        ...de('außergewöhnlich'),
      ),
      // Judgement: "führende Nullen" (leading zeros) is typography and "zu Fehlern führende Änderungen" is the
      // verb; an article right after "zu" ("zu einem führenden Anbieter") keeps it praise.
      ...guarded(
        {
          notBefore: String.raw`${B}(?:zu|zum|zur)\s+(?:(?!(?:eine[mnrs]?|ein|der|die|das|den|dem|des)\s)[\p{L}\p{M}\p{N}]+\s+){1,3}`,
          notAfter: followedBy(...FUEHREND_TECHNICAL),
        },
        ...de('führend'),
      ),
      // "Top" only standalone or as a prefix ("Top-Anbieter"); not "Top-Level-Domain", "Top-down", "TOP 3"
      // (an agenda item; all-caps matches are skipped anyway), nor inside "Laptop" (word boundaries).
      { term: 'Top', guard: { notAfter: String.raw`[\s\-‐‑]*(?:level|down|\d)` } },
      // Left out: "optimal" and "effizient" (technical in "optimale Blockgröße"), "modern", "eindeutig"
      // ("eindeutige Kennung" is a unique ID), "beliebt" alone, "Pionier" alone, "souverän" (a policy term).
    ],
  },
  {
    category: 'buzzword',
    terms: [
      ...de('nahtlos'), ...de('zukunftssicher'), ...de('ganzheitlich'), ...de('disruptiv'),
      ...de('sorgenfrei'), 'alles aus einer Hand', 'aus einer Hand', 'All-in-One', 'auf Bankniveau', 'Bankniveau',
      'militärischer Standard', 'militärische Verschlüsselung', 'Verschlüsselung nach Militärstandard',
      'vertrauen auf uns', 'vertrauen uns',
      ...de('schlüsselfertig'), 'revolutioniert', 'revolutionieren', 'revolutionierte', 'revolutionierten',
      'Game-Changer', 'Gamechanger', 'Game Changer', 'Synergie', 'Synergien', 'Synergieeffekt',
      'Synergieeffekte', 'Quantensprung', 'State of the Art', 'State-of-the-Art', 'Best-in-Class',
      'Best of Breed', 'Innovationstreiber', 'Digitalisierungsturbo', 'auf das nächste Level',
      'auf ein neues Level', 'neu gedacht', 'Hidden Champion', 'Next Generation', 'Next-Generation',
      // Left out: "Mehrwert", "Transformation", "digitale Souveränität" (policy vocabulary, not praise).
    ],
  },
  {
    category: 'weasel',
    terms: [
      'einige meinen', 'manche meinen', 'viele meinen', 'kritiker sagen', 'kritiker meinen', 'kritiker behaupten',
      'fachleute geben an', 'fachleute sagen', 'fachleute haben herausgefunden', 'experten sagen',
      'experten meinen', 'experten sind sich einig', 'experten zufolge', 'viele experten',
      'einige menschen behaupten', 'viele leute wissen', 'viele leute sagen', 'viele wissen',
      'man kann sich streiten', 'es ist erwiesen', 'es gilt als erwiesen', 'die wissenschaft sagt',
      'studien zeigen', 'studien belegen', 'es wird behauptet', 'es heißt', 'man sagt', 'gilt weithin als',
      'gilt allgemein als', 'gilt gemeinhin als', 'wird allgemein als', 'wird weithin als',
      'nach Ansicht vieler', 'nach Meinung vieler', 'allgemein anerkannt', 'weithin anerkannt',
      'Beobachter sehen', 'Branchenkenner',
      // Left out: "gilt als" alone ("die API gilt als veraltet" is a deprecation notice), "oft", "häufig".
    ],
  },
  {
    category: 'editorial',
    terms: [
      'offensichtlich', 'selbstverständlich', 'natürlich', 'zweifellos', 'zweifelsohne', 'fraglos',
      'unbestritten', 'unbestreitbar', 'unzweifelhaft', 'bekanntlich', 'erfreulicherweise', 'glücklicherweise',
      'leider', 'bedauerlicherweise', 'interessanterweise', 'ironischerweise', 'bezeichnenderweise',
      'überraschenderweise', 'erstaunlicherweise', 'bemerkenswerterweise', 'ohne Zweifel', 'selbstredend',
      'es versteht sich von selbst', 'es sei darauf hingewiesen',
      // Left out: "klar", "eindeutig" (descriptive or technical), "offenbar" (hedging, not bias).
    ],
  },
  {
    category: 'time-relative',
    terms: [
      'derzeit', 'zurzeit', 'aktuell', 'heutzutage', 'neuerdings', 'momentan', 'gegenwärtig', 'jetzt', 'nun',
      'bis dato', 'seit kurzem', 'vor kurzem', 'kürzlich', 'jüngst', 'in jüngster Zeit', 'in letzter Zeit',
      'bislang', 'bisher', 'mittlerweile', 'inzwischen', 'dieses Jahr', 'in diesem Jahr', 'letztes Jahr',
      'im vergangenen Jahr', 'im letzten Jahr', 'nächstes Jahr', 'im kommenden Jahr', 'demnächst', 'bald',
      'in Kürze', 'vor # Jahren', 'vor # Monaten', 'vor # Wochen', 'vor einem Jahr', 'Stand heute',
      'in den letzten Jahren', 'in den vergangenen Jahren', 'in den letzten Monaten', 'in den vergangenen Monaten',
      'letzten Monat', 'im letzten Monat', 'im vergangenen Monat', 'diesen Monat', 'in diesem Monat', 'in naher Zukunft',
      'in den kommenden Monaten', 'in den kommenden Jahren',
      // "zuletzt geändert am 5. Mai" gives its date; the date guard keeps it.
      'zuletzt',
      // Decision: "bis heute" is flagged as a whole: "bis heute gepflegt" goes stale like "heute".
      {
        term: 'bis heute',
        suggestion: '‚{t}‘ veraltet: schreiben Sie ‚bis <Monat Jahr>‘ oder ‚Stand: <Monat Jahr>‘.',
      },
      // "heute journal", "heute-show", "heute.de" are ZDF programmes, not time words.
      { term: 'heute', guard: { notBefore: String.raw`${B}zdf[\s\-]+`, notAfter: String.raw`\s*[\-+]?\s*(?:journal|show|plus)${E}|\.de${E}|\+` } },
      // "zur Zeit der Umstellung" ("at the time of") is historical, not "currently".
      { term: 'zur Zeit', guard: { notAfter: followedBy('der', 'des', 'dieser', 'dieses', 'jener', 'jenes', 'seiner', 'seines', 'ihrer', 'ihres', 'von') } },
      // Left out: "aktuelle"/"aktuellen" as adjectives ("die aktuelle Version"), like English "current".
    ],
  },
  {
    category: 'doubt',
    terms: [
      ...de('angeblich'), ...de('vermeintlich'), ...de('selbsternannt'), ...de('selbst ernannt'),
      // Left out: "sogenannt": in German it routinely introduces a technical term without doubt.
    ],
  },
]

// ---------------------------------------------------------------------------------------------------
// French

const FR: readonly Group[] = [
  {
    category: 'peacock',
    terms: [
      ...fr('légendaire', 'légendaire'), ...fr('formidable', 'formidable'), ...fr('acclamé', 'acclamée'),
      ...fr('époustouflant', 'époustouflante'), ...fr('incroyable', 'incroyable'),
      ...fr('plébiscité', 'plébiscitée'), 'sans équivalent', 'comme jamais', 'comme jamais auparavant', 'vers de nouveaux sommets',
      ...fr('emblématique', 'emblématique'), ...fr('visionnaire', 'visionnaire'),
      // Judgement: bare "renommé" is far more often "renamed" in a wiki ("la page a été renommée") than
      // "renowned"; only the unambiguous forms are flagged.
      ...fr('mondialement renommé', 'mondialement renommée'), ...fr('internationalement renommé', 'internationalement renommée'),
      ...fr('très renommé', 'très renommée'), 'de renommée mondiale', 'de renommée internationale',
      ...fr('remarquable', 'remarquable'),
      ...fr('prestigieux', 'prestigieuse'), ...fr('virtuose', 'virtuose'), ...fr('innovant', 'innovante'),
      ...fr('révolutionnaire', 'révolutionnaire'), ...fr('extraordinaire', 'extraordinaire'),
      ...fr('avant-gardiste', 'avant-gardiste'), ...fr('incontournable', 'incontournable'),
      ...fr('inégalé', 'inégalée'), ...fr('inégalable', 'inégalable'), ...fr('incomparable', 'incomparable'),
      ...fr('génial', 'géniale', 'géniaux'), ...fr('excellent', 'excellente'), ...fr('fantastique', 'fantastique'),
      ...fr('spectaculaire', 'spectaculaire'), ...fr('phénoménal', 'phénoménale', 'phénoménaux'),
      ...fr('sensationnel', 'sensationnelle'), ...fr('impressionnant', 'impressionnante'),
      ...fr('incroyable', 'incroyable'),
      "d'avant-garde", 'à succès', 'de classe mondiale', 'à la pointe', 'sans égal', 'sans égale', 'sans pareil',
      'sans précédent', 'hors pair', 'haut de gamme', 'de premier plan', 'de premier ordre', 'numéro un',
      'leader mondial', 'leader européen', 'leader incontesté', 'fleuron', 'fleurons', 'pépite',
      'pépites', 'champion européen', 'champion national', 'champion français', 'champions européens',
      'un must', 'le must', 'must-have', 'le meilleur', 'la meilleure', 'les meilleurs',
      // "les meilleures pratiques" is "best practice".
      { term: 'les meilleures', guard: { notAfter: followedBy('pratiques') } },
      "l'un des meilleurs", "l'une des meilleures", 'parmi les meilleurs', 'parmi les meilleures',
      'le plus populaire', 'la plus populaire', 'les plus populaires', 'très populaire', 'très populaires',
      'extrêmement populaire', 'le plus avancé', 'la plus avancée', 'le plus complet', 'la plus complète',
      'le plus innovant', 'la plus innovante', 'alternative souveraine crédible', 'alternative crédible',
      'véritable alternative', 'vraie alternative', 'sans compromis', 'véritables pionniers',
      'vrais pionniers', 'mission accomplie', 'unique en son genre', 'unique au monde', 'unique en Europe',
      // "primé sur", "a primé dans l'appel d'offres" are the verb "to prevail"; "a été primé" stays praise.
      ...guarded(
        { notBefore: precededBy('a', 'ont', 'avait', 'avaient', 'aura', 'auront'), notAfter: followedBy('sur') },
        ...fr('primé', 'primée'),
      ).map((spec) =>
        typeof spec === 'string' ? spec : { ...spec, suggestion: 'Nommez le prix, avec une source, au lieu de « {t} ».' },
      ),
      // "à titre exceptionnel", "circonstances exceptionnelles" are administrative language.
      ...guarded(
        {
          notBefore: String.raw`${B}(?:(?:à\s+titre|de\s+manière|de\s+façon)|circonstances|cas|congés?|mesures?|procédures?|situations?|dérogations?|autorisations?|crédits?|dotations?|budgets?)\s+`,
        },
        ...fr('exceptionnel', 'exceptionnelle'),
      ),
      // "Le projet célèbre ses dix ans": the verb "to celebrate".
      ...guarded(
        {
          notAfter: `${followedBy('ses', 'son', 'sa', 'leur', 'leurs', 'les', 'le', 'la', 'un', 'une', 'des', 'cette', 'ce', String.raw`\d+`)}|\\s+l['’]`,
        },
        ...fr('célèbre', 'célèbre'),
      ),
      // "heures de pointe" is rush hour.
      { term: 'de pointe', guard: { notBefore: precededBy('heures?') } },
      // Judgement: "leader" is flagged as a ranking ("le leader du marché"), not as a political or project
      // role ("le leader du parti"); capitalised mid-sentence it is a name ("Leader Price").
      ...guarded(
        {
          notAfter: String.raw`\s+(?:(?:du|de\s+la|de\s+l['’]|des)\s*(?:parti|syndicat|groupe|mouvement|opposition|gauche|droite|majorité|équipe|projet|collectif)|syndica(?:l|ux)|politiques?)${E}`,
        },
        'leader', 'leaders',
      ),
      // Académie française superlatives, standalone only: "super-administrateur", "méga-octet", "top 10",
      // "top départ" are not praise, and "superviser", "laptop", "stop" are other words.
      ...guarded({ notAfter: String.raw`\s*[\-‐‑]|\s*\d|\s+départ${E}` }, 'super', 'hyper', 'méga', 'top'),
      // Brilliant as "glossy" describes hardware.
      ...guarded({ notBefore: precededBy('écrans?', 'surfaces?', 'finitions?') }, ...fr('brillant', 'brillante')),
      // Left out: "historique" ("l'historique des versions"), "unique" alone (often "single": "un
      // identifiant unique"), "populaire" alone, "exemplaire" (also "a copy"), "géant" (journalistic
      // "les géants du numérique"), "de confiance" ("cloud de confiance" is an official label),
      // "souverain" (a policy term), "célébré", "respecté" (also verbs in neutral prose).
    ],
  },
  {
    category: 'buzzword',
    terms: [
      'révolutionne', 'révolutionnent', 'révolutionner', 'révolutionné', 'réinvente', 'réinventent',
      'nouvelle génération', 'de nouvelle génération', 'dernier cri', 'clé en main', 'clés en main',
      'sans tracas', 'tout-en-un', 'nous font confiance', 'leur font confiance', 'de niveau militaire', 'de niveau bancaire', 'propulsez', 'propulse', 'boostez',
      ...fr('disruptif', 'disruptive'), ...fr('holistique', 'holistique'), 'synergie', 'synergies',
      'changement de paradigme', 'game changer', 'booste', 'boostent', 'démocratise', 'démocratisent',
    ],
  },
  {
    category: 'weasel',
    terms: [
      'selon certains', 'certains affirment', 'certains estiment', 'certains pensent', 'certains disent',
      'la plupart des gens', 'une minorité soutient', 'tout le monde sait', 'les dernières recherches montrent',
      'les études montrent', 'des études montrent', 'de nombreux experts', "les experts s'accordent",
      "les spécialistes s'accordent", 'les experts estiment', 'il est généralement admis',
      'il est communément admis', 'il est largement reconnu', 'largement considéré', 'largement considérée',
      'considéré par beaucoup', 'considérée par beaucoup', 'beaucoup considèrent', "de l'avis général",
      'aux yeux de beaucoup', 'on dit que', 'il se dit que', "d'aucuns",
      // Left out: "souvent", "généralement" (fr-WP TUP names them, but they are too common to flag) and the
      // generalising "on" (impossible to tell from the impersonal "on" by words alone).
    ],
  },
  {
    category: 'editorial',
    terms: [
      'évidemment', 'clairement', 'bien sûr', 'bien entendu', 'naturellement', 'incontestablement',
      'indéniablement', 'indiscutablement', 'sans aucun doute', 'sans nul doute', 'sans conteste', 'assurément',
      'heureusement', 'fort heureusement', 'malheureusement', 'curieusement', 'étonnamment', 'ironiquement',
      'il va sans dire', 'force est de constater', 'de toute évidence', "à n'en pas douter", 'il est à noter',
      'il convient de noter', 'il faut noter', 'manifestement', 'certainement',
    ],
  },
  {
    category: 'time-relative',
    terms: [
      'actuellement', "à l'heure actuelle", 'récemment', 'de nos jours', 'à ce jour', 'jusqu’à ce jour',
      "jusqu'à présent", 'à présent', "pour l'instant", 'pour le moment', 'en ce moment', 'désormais',
      'dorénavant', 'depuis peu', 'il y a peu', 'dernièrement', 'prochainement', 'bientôt', 'cette année',
      "l'an dernier", "l'année dernière", "l'an prochain", "l'année prochaine", 'il y a # ans',
      'il y a # années', 'il y a # mois', 'il y a # semaines', 'il y a un an', "jusqu'à aujourd'hui", "jusqu'aujourd'hui",
      'ces dernières années', 'ces derniers mois', 'ces derniers temps', 'le mois dernier', 'ce mois-ci',
      'la semaine dernière', 'dans un avenir proche', 'dans les prochains mois', 'dans les prochaines années',
      'au cours des dernières années',
      // "Aujourd'hui en France" is a newspaper.
      { term: "aujourd'hui", guard: { notAfter: String.raw`\s+en\s+france${E}` } },
      // "en maintenant la compatibilité" is the gerund of "maintenir".
      { term: 'maintenant', guard: { notBefore: precededBy('en') } },
      // Left out: "actuel"/"actuelle" as adjectives ("la version actuelle"), like English "current".
    ],
  },
  {
    category: 'doubt',
    terms: [
      'soi-disant', ...fr('prétendu', 'prétendue'), 'prétendument', ...fr('autoproclamé', 'autoproclamée'),
      ...fr('auto-proclamé', 'auto-proclamée'),
      // Left out: "présumé" (legal language), "supposé" ("est supposé fonctionner" states intent).
    ],
  },
]

// ---------------------------------------------------------------------------------------------------
// Suggestions, per language and category. `{t}` is replaced by the matched text.

export const SUGGESTIONS: Readonly<Record<Lang, Readonly<Record<MarketingCategory, string>>>> = {
  en: {
    peacock: "Say what it does, with a source, instead of '{t}'.",
    weasel: "Name who says so and cite them, instead of '{t}'.",
    buzzword: "Describe the concrete feature or result, with a source, instead of '{t}'.",
    editorial: "Remove '{t}': state the fact and let readers judge.",
    'time-relative': "Replace '{t}' with a date: 'as of <month year>'.",
    doubt: "Remove '{t}': attribute the claim, or the doubt, to a named source.",
  },
  de: {
    peacock: 'Beschreiben Sie mit Beleg, was es konkret tut, statt ‚{t}‘ zu schreiben.',
    weasel: 'Nennen Sie mit Beleg, wer das sagt, statt ‚{t}‘.',
    buzzword: 'Nennen Sie die konkrete Funktion oder Wirkung mit Beleg statt ‚{t}‘.',
    editorial: 'Streichen Sie ‚{t}‘: die Tatsache nennen, die Wertung den Lesenden überlassen.',
    'time-relative': 'Datum statt ‚{t}‘: schreiben Sie ‚Stand: <Monat Jahr>‘.',
    doubt: 'Streichen Sie ‚{t}‘: Behauptung oder Zweifel einer genannten Quelle zuschreiben.',
  },
  fr: {
    peacock: 'Dites ce que cela fait, avec une source, au lieu de « {t} ».',
    weasel: 'Nommez qui l’affirme et citez la source, au lieu de « {t} ».',
    buzzword: 'Décrivez la fonction ou l’effet concret, avec une source, au lieu de « {t} ».',
    editorial: 'Supprimez « {t} » : énoncez le fait et laissez le lecteur juger.',
    'time-relative': 'Remplacez « {t} » par une date : « en <mois année> » ou « au <date> ».',
    doubt: 'Supprimez « {t} » : attribuez l’affirmation ou le doute à une source nommée.',
  },
}

// ---------------------------------------------------------------------------------------------------
// Context cues (regular-expression source, compiled with `iu`).

/**
 * Words that attribute a quotation to its speaker, searched in the same sentence before or after the quote.
 * Judgement: vague subjects ("experts say") still count as attribution here; the weasel entries flag them.
 */
export const ATTRIBUTION_CUES: Readonly<Record<Lang, string>> = {
  en: String.raw`${B}(?:says?|said|stated?|states|wrote|writes|told|tells|added|adds|explained|explains|noted|argued|argues|claimed|claims|announced|announces|declared|declares|described|describes|calls?|(?<!so[\-‐‑\s])called|according\s+to|in\s+the\s+words\s+of|quoted|put\s+it|commented|remarked|insisted|promised|boasted|touted|praised|praises|hailed|hails)${E}`,
  de: String.raw`${B}(?:laut|sagte|sagt|sagen|sagten|erklärte|erklärt|erklärten|betonte|betont|meinte|meint|schrieb|schreibt|nannte|nennt|bezeichnete|bezeichnet|äußerte|verkündete|lobte|lobt|zitiert|zufolge|heißt\s+es|nach\s+Angaben|teilte|kündigte)${E}|,\s*so\s+(?:der|die|das|ein|eine|\p{Lu})`,
  fr: String.raw`${B}(?:selon|d['’]après|déclare|déclaré|a\s+déclaré|affirme|affirmé|estime|estimé|indique|indiqué|explique|expliqué|souligne|souligné|annonce|annoncé|qualifie|qualifié|qualifiée|écrit|dit|précise|précisé|salue|salué|assure|assuré|confie|confié|ajoute|ajouté|martelé|rappelle|rappelé|jugé|juge|pour\s+reprendre\s+les\s+mots\s+de)${E}`,
}

const MONTHS: Readonly<Record<Lang, string>> = {
  en: 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec',
  de: 'januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember',
  fr: 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
}

/**
 * What counts as "a date is given" for time-relative words, besides an explicit year (19xx/20xx), which
 * the matcher checks for every language: "as of March", "Stand: 1. März", "au 1er mars", a day and month.
 * "as of today", "Stand heute" are not dates.
 */
export const DATE_ANCHORS: Readonly<Record<Lang, string>> = {
  en: String.raw`${B}as\s+(?:of|at)\s+(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of|spring|summer|autumn|fall|winter|q[1-4])[\s\-]+)?(?:\d|(?:${MONTHS.en})${E})|${B}\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTHS.en})${E}|${B}(?:${MONTHS.en})\s+\d{1,2}(?!\d)`,
  de: String.raw`${B}stand\s*:?\s*(?:(?:anfang|mitte|ende|frühjahr|sommer|herbst|winter)\s+)?(?:\d|(?:${MONTHS.de})${E})|${B}\d{1,2}\.\s*(?:${MONTHS.de})${E}|${B}(?:am|zum|per)\s+\d{1,2}\.\s*\d{1,2}\.`,
  fr: String.raw`${B}au\s+(?:mois\s+de\s+)?(?:\d{1,2}(?:er)?\s+)?(?:${MONTHS.fr})${E}|${B}(?:en|à\s+la)\s+date\s+du\s+\d|${B}(?:début|mi|fin)[\s\-]+(?:${MONTHS.fr})${E}|${B}\d{1,2}(?:er)?\s+(?:${MONTHS.fr})${E}`,
}

// ---------------------------------------------------------------------------------------------------
// The flattened lexicon.

/** The key two terms share when the matcher cannot tell them apart. */
export function normalizeTerm(term: string): string {
  return term
    .trim()
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[‐‑]/g, '-')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
}

function flatten(lang: Lang, groups: readonly Group[]): LexiconEntry[] {
  const seen = new Set<string>()
  const entries: LexiconEntry[] = []
  for (const group of groups) {
    for (const spec of group.terms) {
      const { term, suggestion, guard } = typeof spec === 'string' ? { term: spec, suggestion: undefined, guard: undefined } : spec
      // Inflection helpers can produce the same form twice ("célèbre" is both genders): keep the first.
      const key = normalizeTerm(term)
      if (seen.has(key)) continue
      seen.add(key)
      entries.push({
        term,
        lang,
        category: group.category,
        ...(suggestion === undefined ? {} : { suggestion }),
        ...(guard === undefined ? {} : { guard }),
      })
    }
  }
  return entries
}

export const LEXICON: Readonly<Record<Lang, readonly LexiconEntry[]>> = {
  en: flatten('en', EN),
  de: flatten('de', DE),
  fr: flatten('fr', FR),
}
