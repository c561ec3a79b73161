/**
 * Only same-site paths are followed after login or a language switch: "//evil.example",
 * "/\evil.example" (browsers read "\" as "/") and "javascript:" all fall back to "/".
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value === '') return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback
  try {
    // A path that parses to another origin against a dummy base is not a path.
    if (new URL(value, 'http://sourced.invalid').origin !== 'http://sourced.invalid') return fallback
  } catch {
    return fallback
  }
  return value
}
