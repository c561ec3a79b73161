import { useEffect, useState, type InputHTMLAttributes } from 'react'

type Suggestion = { slug: string; name: string }

/**
 * A product named by slug or name, with suggestions from GET /api/v1/products?q= as one types. A
 * <select> of every product weighed 300 KB per form at 5,000 products; the server resolves a
 * typed name to its slug (findProductSlug), so the field works before hydration too.
 */
export function ProductField({ id, ...props }: { id: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'list' | 'id' | 'onChange'>) {
  const [query, setQuery] = useState('')
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  useEffect(() => {
    const q = query.trim()
    if (q.length < 2) return setSuggestions([])
    const controller = new AbortController()
    fetch(`/api/v1/products?limit=8&q=${encodeURIComponent(q)}`, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ products: Suggestion[] }>) : { products: [] }))
      .then((body) => setSuggestions(body.products))
      .catch(() => undefined)
    return () => controller.abort()
  }, [query])
  return (
    <>
      <input {...props} id={id} list={`${id}-suggestions`} autoComplete="off" spellCheck={false} onChange={(e) => setQuery(e.target.value)} />
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((s) => <option key={s.slug} value={s.slug} label={s.name} />)}
      </datalist>
    </>
  )
}
