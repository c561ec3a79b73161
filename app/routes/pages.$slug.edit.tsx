import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { EditorScreen } from '#app/components/editor/editor-screen'
import { clientLoaderWithEditorStrings, EDITOR_ROUTE_HANDLE } from '#app/components/editor/editor-route'
import { editorTranslator } from '#app/core/i18n/editor-messages'
import { translator } from '#app/core/i18n/index'
import { loadPageEditor, requireEditor, submitEdit } from '#app/http/page-editor.server'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import editorCss from '#app/styles/editor.css?url'
import historyCss from '#app/styles/history.css?url'

// history.css styles the diff of "show changes".
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: editorCss },
  { rel: 'stylesheet', href: historyCss },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const uiLang = getUiLang(request)
  const slug = (params.slug ?? '').slice(0, 200)
  const page = await getPageBySlug(getDb(), slug)
  await requireEditor(request, 'page.edit', page ?? undefined)
  if (!page) throw notFound(translator(uiLang)('error.notFound.comparison', { slug: slug.slice(0, 80) }))
  const conflictId = new URL(request.url).searchParams.get('conflict')
  const editor = await loadPageEditor(getDb(), page, conflictId ? conflictId.slice(0, 100) : null, uiLang)
  const t = editorTranslator(uiLang)
  return { ...editor, documentTitle: editor.conflict ? t('editor.page.conflictTitle', { title: page.title }) : t('editor.page.editTitle', { title: page.title }) }
}

// The editor's strings in the page's language come with the route (decision 035).
export const handle = EDITOR_ROUTE_HANDLE
export const clientLoader = clientLoaderWithEditorStrings

export async function action({ request, params }: ActionFunctionArgs) {
  return submitEdit(request, (params.slug ?? '').slice(0, 200))
}

export default function EditPage() {
  return <EditorScreen data={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.documentTitle ?? ''} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
