import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT } from '#app/components/i18n'
import { SLUG_MAX } from '#app/core/moves'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { movePage } from '#app/services/move-page.server'
import css from '#app/styles/moderation.css?url'
import { readFormData } from '#app/http/form-body.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

/** /pages/:slug/move and /products/:slug/move (products are pages, decision 019). */
const section = (kind: string) => (kind === 'product' ? 'products' : 'pages')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAbility(request, 'page.move')
  const t = translator(getUiLang(request))
  const page = await getPageBySlug(getDb(), params.slug ?? '')
  if (!page) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  return { title: t('move.title', { title: page.title }), page: { slug: page.slug, title: page.title, path: `/${section(page.kind)}/${page.slug}`, prefix: `/${section(page.kind)}/` } }
}

type Fields = { to: string; reason: string }
type ActionResult = { ok: false; message: string; field: string; fields: Fields }

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAbility(request, 'page.move')
  const t = translator(getUiLang(request))
  const form = await readFormData(request)
  const fields: Fields = { to: String(form.get('to') ?? '').slice(0, 200), reason: String(form.get('reason') ?? '').slice(0, 1000) }
  const result = await movePage(getDb(), { actor, slug: params.slug ?? '', ...fields })
  if (result.ok) return redirect(`/${section(result.page.kind)}/${result.page.slug}`)
  if (result.status === 404) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  const message = (() => {
    switch (result.code) {
      case 'slug_taken':
        return t('move.issue.slug_taken', { path: result.path ?? fields.to.trim() })
      case 'too_long':
        return t('move.issue.too_long', { limit: SLUG_MAX })
      case 'required':
      case 'invalid_slug':
      case 'reserved':
      case 'same':
      case 'reason_required':
        return t(`move.issue.${result.code}`)
      default:
        return result.message
    }
  })()
  return data({ ok: false, message, field: result.field ?? 'to', fields } satisfies ActionResult, { status: result.status })
}

export default function MovePage() {
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as ActionResult | undefined
  const t = useT()
  const describedBy = (field: string) => (failed?.field === field ? 'move-error' : undefined)
  return (
    <div className="moderation narrow">
      <h1>{data.title}</h1>
      <p className="muted">{t('move.intro')}</p>
      <p>
        <Link to={data.page.path}>{data.page.title}</Link>
      </p>
      {failed ? (
        <p className="form-error" role="alert" id="move-error">
          {failed.message}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <label>
          {t('move.field.to')}
          <input
            type="text"
            name="to"
            required
            maxLength={SLUG_MAX}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            defaultValue={failed?.fields.to ?? data.page.slug}
            aria-invalid={failed?.field === 'to' ? true : undefined}
            aria-describedby={[describedBy('to'), 'move-to-hint'].filter(Boolean).join(' ')}
          />
        </label>
        <p className="muted" id="move-to-hint">
          {t('move.field.toHint', { prefix: data.page.prefix })}
        </p>
        <label>
          {t('move.field.reason')}
          <input type="text" name="reason" required maxLength={500} defaultValue={failed?.fields.reason ?? ''} aria-invalid={failed?.field === 'reason' ? true : undefined} aria-describedby={describedBy('reason')} />
        </label>
        <button type="submit" className="primary">
          {t('move.submit')}
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Move'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
