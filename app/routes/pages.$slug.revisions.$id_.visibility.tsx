import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { useT } from '#app/components/i18n'
import { RevisionVisibilitySchema } from '#app/core/forms/revision-visibility'
import { HIDE_REASONS, MOVE_REASON_MAX } from '#app/core/moves'
import { can } from '#app/core/permissions'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevisionMeta } from '#app/models/revisions.server'
import { changeRevisionVisibility } from '#app/services/set-revision-visibility.server'
import css from '#app/styles/moderation.css?url'
import { readSubmission } from '#app/http/form-body.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

/** A moderator hides a revision's content or summary; an admin can show it again. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAbility(request, 'revision.hide')
  const t = translator(getUiLang(request))
  const db = getDb()
  const page = await getPageBySlug(db, params.slug ?? '')
  const revision = page ? await getRevisionMeta(db, params.id ?? '') : null
  if (!page || !revision || revision.pageId !== page.id) throw notFound(t('permalink.notFound'))
  return {
    title: t('hide.title', { id: revision.id }),
    page: { slug: page.slug, title: page.title },
    revision: { id: revision.id, contentHidden: revision.contentHidden, summaryHidden: revision.summaryHidden },
    mayUnhide: can(actor, 'revision.unhide'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAbility(request, 'revision.hide')
  const t = translator(getUiLang(request))
  const submission = await readSubmission(request, RevisionVisibilitySchema)
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 422 })
  const result = await changeRevisionVisibility(getDb(), { actor, revisionId: params.id ?? '', change: submission.value, mayUnhide: can(actor, 'revision.unhide') })
  if (result.ok) return { notice: t('hide.saved') }
  if (result.status === 404) throw notFound(t('permalink.notFound'))
  const message = result.code === 'current_revision' || result.code === 'forbidden' || result.code === 'unchanged' ? t(`hide.issue.${result.code}`) : result.message
  return data({ result: submission.reply({ fieldErrors: { hide: [message] } }) }, { status: result.status })
}

export default function RevisionVisibility() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm('revision-visibility', RevisionVisibilitySchema, actionData && 'result' in actionData ? actionData.result : undefined)
  const t = useT()
  type Field = 'hide' | 'reason' | 'note' | 'confirm'
  // The schema stops at the first rule broken, so at most one field has an error.
  const failedField = (['confirm', 'hide', 'reason', 'note'] as const).find((field: Field) => fields[field].errors)
  const message = failedField ? fields[failedField].errors?.[0] : undefined
  const describedBy = (field: Field) => (failedField === field ? 'hide-error' : undefined)
  // A moderator can add to what is hidden, never take it back: those boxes stay ticked and locked.
  const locked = (hidden: boolean) => hidden && !data.mayUnhide
  return (
    <div className="moderation narrow">
      <h1>{data.title}</h1>
      <p className="muted">{t('hide.intro')}</p>
      <p>
        <Link to={`/pages/${data.page.slug}/revisions/${data.revision.id}`}>{data.page.title}</Link> · <Link to={`/pages/${data.page.slug}/history`}>{t('page.history')}</Link>
      </p>
      {actionData && 'notice' in actionData ? (
        <p className="notice" role="status">
          {actionData.notice}
        </p>
      ) : null}
      {message ? (
        <p className="form-error" role="alert" id="hide-error">
          {message}
        </p>
      ) : null}
      <Form method="post" className="stack" id={form.id} onSubmit={form.onSubmit}>
        <fieldset aria-describedby={describedBy('hide')}>
          <legend>{t('hide.legend')}</legend>
          <label className="choice">
            <input type="checkbox" name="hide" value="content" defaultChecked={data.revision.contentHidden} disabled={locked(data.revision.contentHidden)} /> {t('hide.field.content')}
          </label>
          {locked(data.revision.contentHidden) ? <input type="hidden" name="hide" value="content" /> : null}
          <label className="choice">
            <input type="checkbox" name="hide" value="summary" defaultChecked={data.revision.summaryHidden} disabled={locked(data.revision.summaryHidden)} /> {t('hide.field.summary')}
          </label>
          {locked(data.revision.summaryHidden) ? <input type="hidden" name="hide" value="summary" /> : null}
        </fieldset>
        <label>
          {t('hide.field.reason')}
          <select name="reason" required aria-describedby={describedBy('reason')}>
            {HIDE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`hide.reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hide.field.note')}
          <input type="text" name="note" maxLength={MOVE_REASON_MAX} aria-invalid={failedField === 'note' ? true : undefined} aria-describedby={describedBy('note')} />
        </label>
        <label className="choice">
          <input type="checkbox" name="confirm" value="yes" required aria-invalid={failedField === 'confirm' ? true : undefined} aria-describedby={describedBy('confirm')} /> {t('hide.confirm')}
        </label>
        <button type="submit" className="primary">
          {t('hide.submit')}
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Visibility'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
