import { useState, type InputHTMLAttributes } from 'react'
import { useProductSearch } from './product-search'

/**
 * A product named by slug or name, with suggestions from GET /api/v1/products?q= as one types. A
 * <select> of every product weighed 300 KB per form at 5,000 products; the server resolves a
 * typed name to its slug (findProductSlug), so the field works before hydration too.
 */
export function ProductField({ id, ...props }: { id: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'list' | 'id' | 'onChange'>) {
  const [query, setQuery] = useState('')
  const suggestions = useProductSearch(query, { limit: 8 }) ?? []
  return (
    <>
      <input {...props} id={id} list={`${id}-suggestions`} autoComplete="off" spellCheck={false} onChange={(e) => setQuery(e.target.value)} />
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((s) => <option key={s.slug} value={s.slug} label={s.name} />)}
      </datalist>
    </>
  )
}
