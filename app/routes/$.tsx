import type { LoaderFunctionArgs } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { NO_HYDRATION } from '#app/components/hydration'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'

export const handle = NO_HYDRATION

/** Any address no route claims: a 404 page in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  throw notFound(translator(getUiLang(request))('error.notFound.body'))
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
