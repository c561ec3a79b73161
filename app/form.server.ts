/**
 * Reads an HTML form post as text fields (files and repeated names are not ours to take). A body
 * that is not form data is the client's mistake, not a bug: 415 for another content type, 400 for
 * one that does not parse, thrown for the shared error boundary.
 */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw Response.json({ message: 'Send this form as application/x-www-form-urlencoded or multipart/form-data.' }, { status: 415 })
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw Response.json({ message: 'The form data could not be read. Reload the page and send the form again.' }, { status: 400 })
  }
  const fields: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string' && !(key in fields)) fields[key] = value
  return fields
}
