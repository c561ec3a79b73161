import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { ProductForm } from '#app/components/product-form'
import { translator } from '#app/core/i18n/index'
import { requireEditor } from '#app/http/page-editor.server'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { listProducts } from '#app/models/products.server'
import { getRevision } from '#app/models/revisions.server'
import { formFromContent, submitProductEdit } from '#app/http/product-editor.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  const slug = (params.slug ?? '').slice(0, 200)
  const page = await getPageBySlug(getDb(), slug)
  await requireEditor(request, 'page.edit', page ?? undefined)
  if (!page || page.kind !== 'product') throw notFound(t('product.notFound', { slug: slug.slice(0, 80) }))
  // The editor starts from the newest revision, as the page editor does (pending edits included).
  const latest = (await getRevision(getDb(), page.latestRevisionId))!
  const proprietary = await listProducts(getDb(), { kind: 'proprietary' }, { limit: 1000 })
  return {
    title: t('productEdit.title', { name: latest.content.title }),
    values: formFromContent(latest.content, latest.id, latest.content.lang),
    proprietary: proprietary.filter((p) => p.slug !== slug).map((p) => ({ slug: p.slug, name: p.name })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  return submitProductEdit(request, (params.slug ?? '').slice(0, 200))
}

export default function EditProduct() {
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
