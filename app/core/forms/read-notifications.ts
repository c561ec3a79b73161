import { z } from 'zod'
import { text } from './fields'
import { isRecordId } from '#app/core/record-id'

/**
 * The notifications page's buttons: mark one notification read, or all of them. An id that is
 * not one (the page only writes real ones) marks nothing, so nothing here is refused.
 */
export const ReadNotificationsSchema = z
  .object({ intent: text(20), id: text(100) })
  .transform(({ intent, id }) => ({ ids: intent === 'read-all' ? null : isRecordId(id) ? [id] : [] }))
