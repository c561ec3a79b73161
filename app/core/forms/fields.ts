import { z } from 'zod'
import { message } from './messages'

const firstOf = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const asText = z
  .string(message('error.formBody.malformed'))
  .optional()
  .transform((value) => value ?? '')

/**
 * A free-text field as the services take it: missing or empty is '', text longer than `max` is
 * cut (the service then says what is too long, with its limit), and of a name sent twice the
 * first counts, as `FormData.get` reads it. Whether it may be empty is the service's rule,
 * checked once there for the form and the API alike.
 */
export function text(max: number) {
  return z.preprocess(firstOf, asText.transform((value) => value.slice(0, max)))
}

/**
 * A new password, read as `text` reads a field but never cut: a cut could turn a password the
 * rules refuse as too long into one they accept. Its rules (length, the common list, the name in
 * it) are checkNewPassword's, run by the service on the whole of it.
 */
export function password() {
  return z.preprocess(firstOf, asText)
}
