import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { EditorScreen } from '#app/components/editor/editor-screen'
import { clientLoaderWithEditorStrings, EDITOR_ROUTE_HANDLE } from '#app/components/editor/editor-route'
import { editorTranslator } from '#app/core/i18n/editor-messages'
import { newPageEditor, requireEditor, submitEdit } from '#app/http/page-editor.server'
import { getUiLang } from '#app/http/lang.server'
import editorCss from '#app/styles/editor.css?url'
import historyCss from '#app/styles/history.css?url'

// history.css styles the diff of "show changes".
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: editorCss },
  { rel: 'stylesheet', href: historyCss },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request, 'page.create')
  const uiLang = getUiLang(request)
  return { ...newPageEditor(uiLang), documentTitle: editorTranslator(uiLang)('editor.page.newTitle') }
}

// The editor's strings in the page's language come with the route (decision 035).
export const handle = EDITOR_ROUTE_HANDLE
export const clientLoader = clientLoaderWithEditorStrings

export async function action({ request }: ActionFunctionArgs) {
  return submitEdit(request, null)
}

export default function NewPage() {
  return <EditorScreen data={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.documentTitle ?? ''} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
