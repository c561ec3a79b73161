import { readerMessages } from './features/reader'
import { searchMessages } from './features/search'

/**
 * Feature catalogues: each module in features/ exports `{ en, de, fr }` with the same keys and
 * parameters (declare `const de: typeof en`, `const fr: typeof en`). To add one, import it here
 * and append it to FEATURE_MESSAGES; its keys then type-check everywhere through `t()`.
 */
export const FEATURE_MESSAGES = [readerMessages, searchMessages] as const

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
export type FeatureMessages = UnionToIntersection<(typeof FEATURE_MESSAGES)[number]['en']>
