import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { safeRedirectPath } from '#app/core/redirect'
import { LanguageSchema } from '#app/core/forms/language'
import { langCookieHeader } from '#app/http/lang.server'
import { getOrigins } from '#app/http/origin.server'
import { readSubmission } from '#app/http/form-body.server'

/** The language switcher posts here; the choice is remembered in a cookie for a year. */
export async function action({ request }: ActionFunctionArgs) {
  const submission = await readSubmission(request, LanguageSchema)
  if (submission.status !== 'success') return Response.json({ message: 'Choose en, de or fr.' }, { status: 400 })
  const { lang, redirectTo } = submission.value
  return redirect(safeRedirectPath(redirectTo), { headers: { 'Set-Cookie': langCookieHeader(lang, getOrigins().origin.startsWith('https:')) } })
}

export async function loader() {
  return redirect('/')
}
