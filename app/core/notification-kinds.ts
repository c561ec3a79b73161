/** What a person can be told of (DESIGN.md, "Working together"), in the app and by mail. */
export const NOTIFICATION_KINDS = ['revision', 'decision', 'reply', 'report', 'move'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value)
}
