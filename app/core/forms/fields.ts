import { z } from 'zod'
import { message } from './messages'

/**
 * A free-text field as the services take it: missing or empty is '', text longer than `max` is
 * cut (the service then says what is too long, with its limit), and of a name sent twice the
 * first counts, as `FormData.get` reads it. Whether it may be empty is the service's rule,
 * checked once there for the form and the API alike.
 */
export function text(max: number) {
  return z.preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z
      .string(message('error.formBody.malformed'))
      .optional()
      .transform((value) => (value ?? '').slice(0, max)),
  )
}
