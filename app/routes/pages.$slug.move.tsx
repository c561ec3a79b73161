import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { useT } from '#app/components/i18n'
import { MovePageSchema } from '#app/core/forms/move-page'
import { SLUG_MAX } from '#app/core/moves'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { movePage } from '#app/services/move-page.server'
import css from '#app/styles/moderation.css?url'
import { readSubmission } from '#app/http/form-body.server'

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

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAbility(request, 'page.move')
  const t = translator(getUiLang(request))
  // The form's fields are only text (MovePageSchema): its rules are movePage's, so it cannot fail.
  const submission = await readSubmission(request, MovePageSchema)
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const fields = submission.value
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
  return data({ result: submission.reply({ fieldErrors: { [result.field ?? 'to']: [message] } }) }, { status: result.status })
}

export default function MovePage() {
  const data = useLoaderData<typeof loader>()
  const [form, fields] = useSchemaForm('move-page', MovePageSchema, useActionData<typeof action>()?.result)
  const t = useT()
  const error = form.errors?.[0] ?? fields.to.errors?.[0] ?? fields.reason.errors?.[0]
  const failed = (field: 'to' | 'reason') => (fields[field].errors ? true : undefined)
  const describedBy = (field: 'to' | 'reason') => (fields[field].errors ? 'move-error' : undefined)
  return (
    <div className="moderation narrow">
      <h1>{data.title}</h1>
      <p className="muted">{t('move.intro')}</p>
      <p>
        <Link to={data.page.path}>{data.page.title}</Link>
      </p>
      {error ? (
        <p className="form-error" role="alert" id="move-error">
          {error}
        </p>
      ) : null}
      <Form method="post" className="stack" id={form.id} onSubmit={form.onSubmit}>
        <label>
          {t('move.field.to')}
          <input
            type="text"
            name="to"
            required
            maxLength={SLUG_MAX}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            defaultValue={fields.to.initialValue ?? data.page.slug}
            aria-invalid={failed('to')}
            aria-describedby={[describedBy('to'), 'move-to-hint'].filter(Boolean).join(' ')}
          />
        </label>
        <p className="muted" id="move-to-hint">
          {t('move.field.toHint', { prefix: data.page.prefix })}
        </p>
        <label>
          {t('move.field.reason')}
          <input type="text" name="reason" required maxLength={500} defaultValue={fields.reason.initialValue ?? ''} aria-invalid={failed('reason')} aria-describedby={describedBy('reason')} />
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
