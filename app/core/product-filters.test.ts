import { describe, expect, it } from 'vitest'
import { parseProductFilters } from './product-filters'

describe('parseProductFilters', () => {
  it('reads families, SPDX ids, categories and hosting', () => {
    const parsed = parseProductFilters(new URLSearchParams('license=copyleft&category=messaging&hosting=saas&kind=open-source'))
    expect(parsed.filters).toEqual({ category: 'messaging', kind: 'open-source', hosting: 'saas', licence: { family: 'copyleft' } })
    expect(parsed.invalid).toEqual([])
    expect(parseProductFilters(new URLSearchParams('license=agpl-3.0-only')).filters.licence).toEqual({ id: 'AGPL-3.0-only' })
  })
  it('names what it did not understand', () => {
    const parsed = parseProductFilters(new URLSearchParams('license=nope&category=chat&hosting=cloud'))
    expect(parsed.invalid.map((i) => i.name)).toEqual(['category', 'hosting', 'license'])
    expect(parsed.filters).toEqual({ category: null, kind: null, hosting: null, licence: null })
  })
})
