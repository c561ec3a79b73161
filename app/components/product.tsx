import { Link } from '#app/components/link'
import { isUndated } from '#app/core/as-of'
import { AsOf } from './as-of'
import { categoryName } from '#app/core/categories'
import { formatAsOf } from '#app/core/format'
import type { LicenceFamily } from '#app/core/licence'
import type { FactChange } from '#app/core/product'
import type { KeyFigure } from '#app/models/products.server'
import { useT, useUiLang } from './i18n'

/** A licence with its families, e.g. "AGPL-3.0-only (copyleft)". */
export function Licence({ license, families }: { license: string; families: readonly LicenceFamily[] }) {
  const t = useT()
  const shown = families.includes('weak-copyleft') ? families.filter((f) => f !== 'copyleft') : families
  return (
    <span className="licence">
      <code>{license}</code>
      {shown.length > 0 ? <span className="muted"> ({shown.map((f) => t(`product.family.${f}`)).join(', ')})</span> : null}
    </span>
  )
}

export function CategoryLinks({ categories }: { categories: readonly string[] }) {
  const lang = useUiLang()
  return (
    <>
      {categories.map((c, i) => (
        <span key={c}>
          {i > 0 ? ' · ' : null}
          <Link to={`/categories/${c}`}>{categoryName(c, lang)}</Link>
        </span>
      ))}
    </>
  )
}

/** Latest cited figures: value, metric, as-of, and the source one click away. */
export function KeyFigures({ figures }: { figures: readonly KeyFigure[] }) {
  const t = useT()
  const lang = useUiLang()
  if (figures.length === 0) return <span className="muted">{t('alternatives.none')}</span>
  return (
    <ul className="key-figures">
      {figures.map((f) => (
        <li key={`${f.metric}-${f.text}`}>
          <strong>{f.text}</strong> {f.metric ? <span>{f.metric}</span> : null}
          {f.asOf ? <span className="muted"> · {isUndated(f.asOf) ? <AsOf asOf={f.asOf} publishedAt={f.source.publishedAt} /> : t('product.asOf', { date: formatAsOf(lang, f.asOf) })}</span> : null}
          {' · '}
          <Link to={`/sources/${f.source.id}`} title={f.quote ?? undefined}>
            {t('product.evidence')}{t('punct.colon')} {f.source.publisher}
          </Link>
          {f.source.kind === 'vendor' ? <span className="muted"> ({t('product.selfReported')})</span> : null}
        </li>
      ))}
    </ul>
  )
}

const FACT_LABEL = {
  kind: 'productEdit.kind', license: 'product.licence', vendor: 'product.vendor', homepage: 'product.homepage', repository: 'product.repository',
  hosting: 'product.hosting', aliases: 'product.aliases', alternativeTo: 'product.alternativeTo',
} as const

/** On the review page: the product facts a revision changes, approved value beside the new one. */
export function ProductFactsChanges({ changes }: { changes: readonly FactChange[] }) {
  const t = useT()
  return (
    <section aria-labelledby="product-changes-heading">
      <h2 id="product-changes-heading">{t('productReview.heading')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('productReview.field')}</th>
            <th scope="col">{t('productReview.before')}</th>
            <th scope="col">{t('productReview.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{t(FACT_LABEL[c.field])}</th>
              <td><del>{c.before}</del></td>
              <td><ins>{c.after}</ins></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
