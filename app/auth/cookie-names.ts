/** Cookie names, shared by the app and the HTTP server (which must tell signed-in requests apart). */
export const SESSION_COOKIE = 'sourced_session'
export const LANG_COOKIE = 'lang'
