import { Link } from '#app/components/link'
import { categoryFromText, categoryName } from '#app/core/categories'
import type { PageContent } from '#app/core/content'
import { useT, useUiLang } from './i18n'

/** What a comparison compares: the proprietary products and their open-source alternatives. */
export function SubjectsBox({ subjects, categories }: { subjects: PageContent['subjects']; categories: string[] }) {
  const t = useT()
  const lang = useUiLang()
  const name = (s: { name: string; product?: string }) => (s.product ? <Link to={`/products/${s.product}`}><strong>{s.name}</strong></Link> : <strong>{s.name}</strong>)
  return (
    <div className="subjects">
      <section className="subjects__side" aria-labelledby="subjects-proprietary">
        <h2 id="subjects-proprietary">{t('page.proprietary')}</h2>
        <ul>
          {subjects.proprietary.map((p) => (
            <li key={p.name}>
              {name(p)}
              {p.vendor ? <> · {p.vendor}</> : null}
              {p.homepage ? (
                <>
                  {' '}
                  · <a href={p.homepage} rel="nofollow noopener noreferrer">{t('page.homepage')}</a>
                </>
              ) : null}
              {p.product ? (
                <>
                  {' '}
                  · <Link to={`/alternatives/${p.product}`}>{t('product.seeAlternatives', { name: p.name })}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="subjects__side" aria-labelledby="subjects-alternatives">
        <h2 id="subjects-alternatives">{t('page.alternatives')}</h2>
        <ul>
          {subjects.alternatives.map((a) => (
            <li key={a.name}>
              {name(a)}
              {a.vendor ? <> · {a.vendor}</> : null}
              {a.license ? <> · <abbr title={t('page.license')}>{a.license}</abbr></> : null}
              {a.repository ? (
                <>
                  {' '}
                  · <a href={a.repository} rel="nofollow noopener noreferrer">{t('page.repository')}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {categories.length > 0 ? (
        <p className="subjects__categories">
          <span className="muted">{t('page.categories')}{t('punct.colon')}</span> {categories.map((c, i) => {
            const slug = categoryFromText(c)
            return (
              <span key={c}>
                {i > 0 ? ' · ' : null}
                {slug ? <Link to={`/categories/${slug}`}>{categoryName(slug, lang)}</Link> : c}
              </span>
            )
          })}
        </p>
      ) : null}
    </div>
  )
}
