/** Thrown for the shared error boundary: missing or forbidden (STYLE.md §5). */
export function notFound(message: string): Response {
  return Response.json({ message }, { status: 404 })
}

export function forbidden(message: string): Response {
  return Response.json({ message }, { status: 403 })
}

/** The JSON API's error shape: { error: { code, message, details? } } with the right status. */
export function apiError(status: number, code: string, message: string, details?: unknown): Response {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status })
}

