import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { safeRedirectPath } from '#app/core/redirect'
import { isLang } from '#app/core/lang'
import { langCookieHeader } from '#app/http/lang.server'
import { getOrigins } from '#app/http/origin.server'
import { readFormData } from '#app/http/form-body.server'

/** The language switcher posts here; the choice is remembered in a cookie for a year. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request)
  const lang = form.get('lang')
  const to = safeRedirectPath(form.get('redirectTo'))
  if (!isLang(lang)) return Response.json({ message: 'Choose en, de or fr.' }, { status: 400 })
  return redirect(to, { headers: { 'Set-Cookie': langCookieHeader(lang, getOrigins().origin.startsWith('https:')) } })
}

export async function loader() {
  return redirect('/')
}
