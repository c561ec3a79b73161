import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { useT } from '#app/components/i18n'
import { DeletePageSchema } from '#app/core/forms/delete-page'
import { MOVE_REASON_MAX } from '#app/core/moves'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { setPageDeletion } from '#app/services/delete-page.server'
import css from '#app/styles/moderation.css?url'
import { readSubmission } from '#app/http/form-body.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

const section = (kind: string) => (kind === 'product' ? 'products' : 'pages')

/** An admin deletes or restores a page: one confirm step, a required box and a public reason. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAbility(request, 'page.delete')
  const t = translator(getUiLang(request))
  const page = await getPageBySlug(getDb(), params.slug ?? '', { includeDeleted: true })
  if (!page) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  const deleted = page.deletedAt !== null
  return { title: t(deleted ? 'delete.restoreTitle' : 'delete.title', { title: page.title }), deleted, page: { title: page.title, path: `/${section(page.kind)}/${page.slug}` } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAbility(request, 'page.delete')
  const t = translator(getUiLang(request))
  const submission = await readSubmission(request, DeletePageSchema)
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 422 })
  const { intent, reason } = submission.value
  const result = await setPageDeletion(getDb(), { admin, slug: params.slug ?? '', deleted: intent === 'delete', reason })
  if (result.ok) return redirect(`/${section(result.page.kind)}/${result.page.slug}`)
  if (result.status === 404) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  const message = result.code === 'too_long' ? t('delete.issue.too_long', { limit: MOVE_REASON_MAX }) : result.code === 'reason_required' || result.code === 'already_deleted' || result.code === 'not_deleted' ? t(`delete.issue.${result.code}`) : result.message
  return data({ result: submission.reply({ fieldErrors: { reason: [message] } }) }, { status: result.status })
}

export default function DeletePage() {
  const data = useLoaderData<typeof loader>()
  const [form, fields] = useSchemaForm('delete-page', DeletePageSchema, useActionData<typeof action>()?.result)
  const t = useT()
  const error = form.errors?.[0] ?? fields.confirm.errors?.[0] ?? fields.reason.errors?.[0]
  const failed = (field: 'confirm' | 'reason') => (fields[field].errors ? true : undefined)
  const describedBy = (field: 'confirm' | 'reason') => (fields[field].errors ? 'delete-error' : undefined)
  return (
    <div className="moderation narrow">
      <h1>{data.title}</h1>
      <p className="muted">{t(data.deleted ? 'delete.restoreIntro' : 'delete.intro')}</p>
      <p>
        <Link to={data.page.path}>{data.page.title}</Link>
      </p>
      {error ? (
        <p className="form-error" role="alert" id="delete-error">
          {error}
        </p>
      ) : null}
      <Form method="post" className="stack" id={form.id} onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value={data.deleted ? 'restore' : 'delete'} />
        <label>
          {t('delete.field.reason')}
          <input type="text" name="reason" required maxLength={MOVE_REASON_MAX} defaultValue={fields.reason.initialValue ?? ''} aria-invalid={failed('reason')} aria-describedby={describedBy('reason')} />
        </label>
        {data.deleted ? null : (
          <label className="choice">
            <input type="checkbox" name="confirm" value="yes" required aria-invalid={failed('confirm')} aria-describedby={describedBy('confirm')} /> {t('delete.confirm')}
          </label>
        )}
        <button type="submit" className="primary">
          {t(data.deleted ? 'delete.restoreSubmit' : 'delete.submit')}
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Delete'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
