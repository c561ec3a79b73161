import { useState } from 'react'
import { useT } from '#app/components/i18n'
import { useProductSearch } from '#app/components/product-search'

export interface PickedProduct {
  slug: string
  name: string
  vendor: string
  license: string
}

/**
 * Finds a product by name, alias or vendor (GET /api/v1/products?q=) and adds it as a subject;
 * when none fits, creates it in place (POST /api/v1/products, the same revision queue as any edit).
 */
export function ProductPicker({ side, label, lang, onPick }: { side: 'proprietary' | 'alternatives'; label: string; lang: string; onPick: (product: PickedProduct) => void }) {
  const t = useT()
  const [query, setQuery] = useState('')
  const [licence, setLicence] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const kind = side === 'proprietary' ? 'proprietary' : 'open-source'
  const hits = useProductSearch(query, { kind, limit: 8 })

  const pick = (p: PickedProduct, created: boolean) => {
    onPick(p)
    setMessage(created ? t('picker.created', { name: p.name }) : t('picker.added', { name: p.name }))
    setQuery('')
    setLicence('')
  }

  const create = async () => {
    const name = query.trim()
    const response = await fetch('/api/v1/products', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        summary: 'Created from the subjects picker',
        content: { title: name, lang, product: { kind, license: kind === 'proprietary' ? 'LicenseRef-Proprietary' : licence.trim(), vendor: '', homepage: '', repository: '', hosting: kind === 'proprietary' ? 'saas' : 'self-hosted', aliases: [], alternativeTo: [] } },
      }),
    })
    const body = (await response.json()) as { product?: { slug: string }; error?: { message: string } }
    if (!response.ok || !body.product) return setMessage(body.error?.message ?? String(response.status))
    pick({ slug: body.product.slug, name, vendor: '', license: kind === 'proprietary' ? '' : licence.trim() }, true)
  }

  const id = `picker-${side}`
  return (
    <div className="product-picker">
      <label htmlFor={id}>{t('picker.search', { side: label })}</label>
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
      <p id={`${id}-hint`} className="hint">{t('picker.hint')}</p>
      {hits ? (
        <ul className="product-picker__hits">
          {hits.map((h) => (
            <li key={h.slug}>
              <button type="button" onClick={() => pick({ slug: h.slug, name: h.name, vendor: h.vendor, license: h.kind === 'open-source' ? h.license : '' }, false)}>
                {h.name}
                {h.vendor ? ` · ${h.vendor}` : ''}
              </button>
            </li>
          ))}
          {hits.length === 0 ? <li className="muted">{t('picker.none')}</li> : null}
        </ul>
      ) : null}
      {hits && query.trim().length >= 2 && !hits.some((h) => h.name.toLowerCase() === query.trim().toLowerCase()) ? (
        <div className="product-picker__create">
          {kind === 'open-source' ? (
            <>
              <label htmlFor={`${id}-licence`}>{t('picker.createLicence')}</label>
              <input id={`${id}-licence`} value={licence} onChange={(e) => setLicence(e.target.value)} spellCheck={false} placeholder="AGPL-3.0-only" />
            </>
          ) : null}
          <button type="button" onClick={() => void create()}>{t('picker.create', { name: query.trim() })}</button>
        </div>
      ) : null}
      <p role="status" className="product-picker__status">{message}</p>
    </div>
  )
}
