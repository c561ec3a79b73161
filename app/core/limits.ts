/** Documented limits of a revision (README, "Limits"). */
export const LIMITS = {
  /** Bytes of a request body; more is refused with 413 before parsing. */
  maxRequestBytes: 2 * 1024 * 1024,
  /** Nesting of the body: tables inside lists inside quotes stay far below this. */
  maxDepth: 32,
  maxNodes: 60_000,
  maxTextChars: 1_000_000,
  maxAttrChars: 4_000,
} as const
