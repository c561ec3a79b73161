import { describe, expect, it } from 'vitest'
import { nameKey, validateProductContent } from './product'

const product = (facts: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  title: 'Element', summary: 'Matrix client', lang: 'en', subjects: { proprietary: [], alternatives: [] }, categories: ['messaging'],
  body: { type: 'doc', content: [{ type: 'paragraph' }] },
  product: { kind: 'open-source', license: 'AGPL-3.0-only', vendor: 'Element', homepage: 'https://element.io', repository: '', hosting: 'both', aliases: ['Riot', 'riot'], alternativeTo: ['slack'], ...facts },
  ...extra,
})

describe('validateProductContent', () => {
  it('keeps the facts, normalised', () => {
    const result = validateProductContent(product())
    expect(result.ok && result.value.product).toEqual({ kind: 'open-source', license: 'AGPL-3.0-only', vendor: 'Element', homepage: 'https://element.io', repository: '', hosting: 'both', aliases: ['Riot'], alternativeTo: ['slack'] })
  })

  it('names the licence field and what to write when the licence is refused', () => {
    const result = validateProductContent(product({ license: 'BUSL-1.1' }))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.issues).toEqual([expect.objectContaining({ path: 'product.license', code: 'licence_source_available', message: expect.stringMatching(/LicenseRef-Proprietary/) })])
  })

  it('refuses categories outside the registry and facts that do not fit', () => {
    const result = validateProductContent(product({ hosting: 'cloud', alternativeTo: ['Not A Slug'] }, { categories: ['chat stuff'] }))
    expect(!result.ok && result.issues.map((i) => i.path).sort()).toEqual(['categories.0', 'product.alternativeTo.0', 'product.hosting'])
  })

  it('refuses alternative-to links on a proprietary product', () => {
    const result = validateProductContent(product({ kind: 'proprietary', license: '' }))
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(['product.alternativeTo'])
  })
})

describe('nameKey', () => {
  it('matches names however they are written', () => {
    expect(nameKey('Microsoft Teams')).toBe(nameKey('microsoft-teams'))
    expect(nameKey('Visio (La Suite Meet)')).toBe('visiolasuitemeet')
    expect(nameKey('Télé')).toBe('tele')
  })
})

describe('productFactsDiff', () => {
  it('lists the changed facts only', async () => {
    const { productFactsDiff, emptyProductFacts } = await import('./product')
    const before = { ...emptyProductFacts('open-source'), license: 'MIT', vendor: 'Acme' }
    expect(productFactsDiff(before, { ...before, vendor: 'Acme Ltd', aliases: ['A'] })).toEqual([
      { field: 'vendor', before: 'Acme', after: 'Acme Ltd' },
      { field: 'aliases', before: '', after: 'A' },
    ])
  })
})

describe('productsFromSubjects', () => {
  it('makes one product per real product across pages, linked as alternatives', async () => {
    const { productsFromSubjects } = await import('./product')
    const { slugify } = await import('./slug')
    const page = (proprietary: string[], alternatives: Array<[string, string]>, categories: string[]) => ({
      title: 'x vs y', summary: '', lang: 'en' as const, categories, body: { type: 'doc', content: [] },
      subjects: { proprietary: proprietary.map((name) => ({ name, vendor: 'V', homepage: '' })), alternatives: alternatives.map(([name, license]) => ({ name, vendor: '', homepage: '', license, repository: '' })) },
    })
    const drafts = productsFromSubjects([page(['Microsoft Teams'], [['Element', 'AGPL-3.0-only']], ['messaging']), page(['microsoft teams', 'Slack'], [['element', '']], ['public sector', 'France'])], new Set(['slack']), slugify)
    expect(drafts.map((d) => d.slug)).toEqual(['microsoft-teams', 'element', 'slack-2'])
    const element = drafts.find((d) => d.slug === 'element')!
    expect(element.content.product).toMatchObject({ kind: 'open-source', license: 'AGPL-3.0-only', alternativeTo: ['microsoft-teams', 'slack-2'] })
    expect(element.content.categories).toEqual(['messaging', 'public-sector'])
    expect(drafts[0]!.content.product).toMatchObject({ kind: 'proprietary', license: 'LicenseRef-Proprietary', vendor: 'V' })
  })
})
