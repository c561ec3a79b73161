import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT } from '#app/components/i18n'
import { MOVE_REASON_MAX } from '#app/core/moves'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { setPageDeletion } from '#app/services/delete-page.server'
import css from '#app/styles/moderation.css?url'
import { readFormData } from '#app/http/form-body.server'

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

type ActionResult = { ok: false; message: string; field: string; reason: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAbility(request, 'page.delete')
  const t = translator(getUiLang(request))
  const form = await readFormData(request)
  const reason = String(form.get('reason') ?? '').slice(0, 1000)
  const restore = form.get('intent') === 'restore'
  if (!restore && form.get('confirm') !== 'yes') return data({ ok: false, message: t('delete.issue.confirm'), field: 'confirm', reason } satisfies ActionResult, { status: 422 })
  const result = await setPageDeletion(getDb(), { admin, slug: params.slug ?? '', deleted: !restore, reason })
  if (result.ok) return redirect(`/${section(result.page.kind)}/${result.page.slug}`)
  if (result.status === 404) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  const message = result.code === 'too_long' ? t('delete.issue.too_long', { limit: MOVE_REASON_MAX }) : result.code === 'reason_required' || result.code === 'already_deleted' || result.code === 'not_deleted' ? t(`delete.issue.${result.code}`) : result.message
  return data({ ok: false, message, field: 'reason', reason } satisfies ActionResult, { status: result.status })
}

export default function DeletePage() {
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as ActionResult | undefined
  const t = useT()
  const describedBy = (field: string) => (failed?.field === field ? 'delete-error' : undefined)
  return (
    <div className="moderation narrow">
      <h1>{data.title}</h1>
      <p className="muted">{t(data.deleted ? 'delete.restoreIntro' : 'delete.intro')}</p>
      <p>
        <Link to={data.page.path}>{data.page.title}</Link>
      </p>
      {failed ? (
        <p className="form-error" role="alert" id="delete-error">
          {failed.message}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value={data.deleted ? 'restore' : 'delete'} />
        <label>
          {t('delete.field.reason')}
          <input type="text" name="reason" required maxLength={MOVE_REASON_MAX} defaultValue={failed?.reason ?? ''} aria-invalid={failed?.field === 'reason' ? true : undefined} aria-describedby={describedBy('reason')} />
        </label>
        {data.deleted ? null : (
          <label className="choice">
            <input type="checkbox" name="confirm" value="yes" required aria-invalid={failed?.field === 'confirm' ? true : undefined} aria-describedby={describedBy('confirm')} /> {t('delete.confirm')}
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
