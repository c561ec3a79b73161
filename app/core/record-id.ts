/**
 * Every record's id — a page, revision, source, report, notification… — is a lower-case ULID
 * (app/models/ids.server.ts makes them); anything else names no record, and is refused or ignored
 * before a query.
 */
export const RECORD_ID = /^[0-9a-z]{26}$/

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID.test(value)
}
