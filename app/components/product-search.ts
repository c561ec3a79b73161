import { useEffect, useState } from 'react'

type ProductHit = { slug: string; name: string; kind: string; license: string; vendor: string }

/**
 * Products whose name, alias or vendor holds what was typed (GET /api/v1/products?q=), fetched as
 * one types; null until two characters are typed. A newer query aborts the one before it.
 */
export function useProductSearch(query: string, options: { kind?: 'proprietary' | 'open-source'; limit: number }): ProductHit[] | null {
  const [hits, setHits] = useState<ProductHit[] | null>(null)
  const { kind, limit } = options
  useEffect(() => {
    const q = query.trim()
    if (q.length < 2) return setHits(null)
    const controller = new AbortController()
    fetch(`/api/v1/products?${kind ? `kind=${kind}&` : ''}limit=${limit}&q=${encodeURIComponent(q)}`, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ products: ProductHit[] }>) : { products: [] }))
      .then((body) => setHits(body.products))
      .catch(() => undefined)
    return () => controller.abort()
  }, [query, kind, limit])
  return hits
}
