import type { Lang } from '../lang'

/**
 * Feature catalogues: each module in features/ exports { en, de, fr } with the same keys
 * (declare `de` and `fr` as `typeof en`). Add the module to this list and to FeatureMessages.
 */
export type FeatureCatalogue<T> = Record<Lang, T>

export const FEATURE_MESSAGES: ReadonlyArray<FeatureCatalogue<object>> = []

export type FeatureMessages = object
