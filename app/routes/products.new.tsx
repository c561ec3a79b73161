import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { ProductForm } from '#app/components/product-form'
import { translator } from '#app/core/i18n/index'
import { requireEditor } from '#app/http/page-editor.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listProducts } from '#app/models/products.server'
import { formFromContent, submitProductEdit } from '#app/http/product-editor.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const uiLang = getUiLang(request)
  await requireEditor(request, 'page.create')
  const proprietary = await listProducts(getDb(), { kind: 'proprietary' }, { limit: 1000 })
  return {
    title: translator(uiLang)('productEdit.newTitle'),
    values: formFromContent(null, '', uiLang),
    proprietary: proprietary.map((p) => ({ slug: p.slug, name: p.name })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  return submitProductEdit(request, null)
}

export default function NewProduct() {
  const data = useLoaderData<typeof loader>()
  const refused = useActionData<typeof action>()
  return (
    <div className="narrow">
      <h1>{data.title}</h1>
      <ProductForm values={refused?.values ?? data.values} errors={refused?.errors ?? {}} message={refused?.message ?? null} proprietary={data.proprietary} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
