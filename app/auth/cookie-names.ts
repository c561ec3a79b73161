/** Cookie names, shared by the app and the HTTP server (which must tell signed-in requests apart). */
export const SESSION_COOKIE = 'sourced_session'
export const LANG_COOKIE = 'lang'
/**
 * Set for a few seconds on the answer to a signed-in person's write: while it lasts, their reads are
 * rendered, not answered from a document kept before the write reached this process (decision 036),
 * so they see what they just did on whichever worker or instance serves them. MediaWiki's
 * ChronologyProtector cookie does the same for its replicas.
 */
export const WROTE_COOKIE = 'sourced_wrote'
