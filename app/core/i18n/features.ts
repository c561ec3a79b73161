import { readerMessages } from './features/reader'
import { moderationMessages } from './features/moderation'
import { searchMessages } from './features/search'
import { accountMessages } from './features/account'
import { sourcesMessages } from './features/sources'
import { saveNoticeMessages } from './features/save-notice'
import { historyMessages } from './features/history'
import { talkMessages } from './features/talk'
import { mailMessages } from './features/mail'
import { outageMessages } from './features/outage'
import { readingMessages } from './features/reading'
import { securityEventMessages } from './features/security-events'
import { productsMessages } from './features/products'
import { movesMessages } from './features/moves'
import { metricsMessages } from './features/metrics'
import { claimsMessages } from './features/claims'

/**
 * Feature catalogues: each module in features/ exports `{ en, de, fr }` with the same keys and
 * parameters (declare `const de: typeof en`, `const fr: typeof en`). To add one, import it here
 * and append it to FEATURE_MESSAGES; its keys then type-check everywhere through `t()`.
 */
export const FEATURE_MESSAGES = [readerMessages, searchMessages, accountMessages, moderationMessages, sourcesMessages, saveNoticeMessages, historyMessages, talkMessages, mailMessages, outageMessages, readingMessages, securityEventMessages, productsMessages, movesMessages, metricsMessages, claimsMessages] as const

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
export type FeatureMessages = UnionToIntersection<(typeof FEATURE_MESSAGES)[number]['en']>
