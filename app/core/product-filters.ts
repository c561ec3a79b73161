import { isCategorySlug } from './categories'
import { parseLicenceFilter, type LicenceFamily } from './licence'
import { HOSTINGS, PRODUCT_KINDS, type Hosting, type ProductKind } from './product'

export interface ParsedProductFilters {
  filters: { category: string | null; kind: ProductKind | null; hosting: Hosting | null; licence: { family: LicenceFamily } | { id: string } | null }
  /** The raw values as given, for the form and for sharing the filtered URL. */
  values: { category: string; kind: string; hosting: string; license: string }
  /** Filters that were given but not understood (the page says so; the API answers 400). */
  invalid: Array<{ name: 'category' | 'kind' | 'hosting' | 'license'; value: string; message: string }>
}

/** `?license=&category=&hosting=&kind=` as the product lists and the alternatives page read them. */
export function parseProductFilters(params: URLSearchParams): ParsedProductFilters {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 100)
  const values = { category: get('category'), kind: get('kind'), hosting: get('hosting'), license: get('license') }
  const invalid: ParsedProductFilters['invalid'] = []
  const category = values.category === '' ? null : isCategorySlug(values.category) ? values.category : null
  if (values.category !== '' && !category) invalid.push({ name: 'category', value: values.category, message: 'Unknown category; see /categories for the list.' })
  const kind = (PRODUCT_KINDS as readonly string[]).includes(values.kind) ? (values.kind as ProductKind) : null
  if (values.kind !== '' && !kind) invalid.push({ name: 'kind', value: values.kind, message: 'Kind is proprietary or open-source.' })
  const hosting = (HOSTINGS as readonly string[]).includes(values.hosting) ? (values.hosting as Hosting) : null
  if (values.hosting !== '' && !hosting) invalid.push({ name: 'hosting', value: values.hosting, message: 'Hosting is self-hosted, saas or both.' })
  const licence = parseLicenceFilter(values.license)
  if (values.license !== '' && !licence) invalid.push({ name: 'license', value: values.license, message: 'Use an SPDX licence id (e.g. AGPL-3.0-only) or a family: copyleft, weak-copyleft, permissive.' })
  return { filters: { category, kind, hosting, licence }, values, invalid }
}
