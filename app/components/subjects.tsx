import type { PageContent } from '#app/core/content'
import { useT } from './i18n'

/** What a comparison compares: the proprietary products and their open-source alternatives. */
export function SubjectsBox({ subjects, categories }: { subjects: PageContent['subjects']; categories: string[] }) {
  const t = useT()
  return (
    <div className="subjects">
      <section className="subjects__side" aria-labelledby="subjects-proprietary">
        <h2 id="subjects-proprietary">{t('page.proprietary')}</h2>
        <ul>
          {subjects.proprietary.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>
              {p.vendor ? <> · {p.vendor}</> : null}
              {p.homepage ? (
                <>
                  {' '}
                  · <a href={p.homepage} rel="nofollow noopener noreferrer">{t('page.homepage')}</a>
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
              <strong>{a.name}</strong>
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
          <span className="muted">{t('page.categories')}:</span> {categories.join(' · ')}
        </p>
      ) : null}
    </div>
  )
}
