import { describe, expect, it } from 'vitest'
import { alternativesIntent, closestProduct, compactNumbers, compactQueryNumbers } from './product-search'

describe('alternativesIntent', () => {
  it.each([
    ['alternatives to Teams', 'Teams'],
    ['Alternatives to Microsoft Teams?', 'Microsoft Teams'],
    ['open-source alternatives for Slack', 'Slack'],
    ['Teams alternatives', 'Teams'],
    ['Alternativen zu Teams', 'Teams'],
    ['Teams Alternativen', 'Teams'],
    ['alternatives à Teams', 'Teams'],
    ['les alternatives libres à Zoom', 'Zoom'],
    ['Tchap daily users', null],
    ['alternatives', null],
  ])('%j → %j', (query, name) => expect(alternativesIntent(query)).toBe(name))
})

describe('closestProduct', () => {
  const products = [
    { slug: 'microsoft-teams', name: 'Microsoft Teams', aliases: ['Teams', 'MS Teams'] },
    { slug: 'microsoft-365', name: 'Microsoft 365', aliases: ['Office 365'] },
    { slug: 'slack', name: 'Slack', aliases: [] },
  ]
  it.each([
    ['Teams', 'microsoft-teams'],
    ['microsoft teams', 'microsoft-teams'],
    ['Microsfot Teams', 'microsoft-teams'],
    ['Teems', 'microsoft-teams'],
    ['Slak', 'slack'],
    ['Slakc', null],
    ['slack', 'slack'],
    ['Office 356', 'microsoft-365'],
    ['Oracle', null],
  ])('%j → %j', (typed, slug) => expect(closestProduct(typed, products)?.slug ?? null).toBe(slug))
})

describe('numbers however written', () => {
  it('indexes grouped numbers as digits', () => {
    expect(compactNumbers('200,000 users, 200 000 Nutzer, 200.000 utilisateurs, 2020 and 3.5')).toEqual(['200000'])
    expect(compactNumbers('1\u202f500 000')).toEqual(['1500000'])
  })
  it('reads a grouped number in a query as digits', () => {
    expect(compactQueryNumbers('Tchap 200,000')).toBe('Tchap 200000')
    expect(compactQueryNumbers('200000')).toBe('200000')
  })
})
