/**
 * The products a figure is probably about, for the cite dialog to suggest (the editor confirms):
 * products named — by name, alias or slug — in the figure's sentence, else in its table row's
 * or column's header (decision 026). Matching ignores case and accents and needs whole words, so
 * "Teams" finds Microsoft Teams but "teamsters" does not.
 */

type ContextPlace = 'sentence' | 'row' | 'column'

export interface FigureContext {
  place: ContextPlace
  text: string
}

export interface NamedProduct {
  slug: string
  name: string
  aliases: readonly string[]
}

export interface ProductSuggestion {
  slug: string
  name: string
  /** Where the product is named, and by which of its names. */
  place: ContextPlace
  matched: string
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Where `name` occurs as whole words in `folded` (already folded), or -1. */
function findName(folded: string, name: string): number {
  const needle = fold(name).trim()
  if (needle.length < 2) return -1
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u').exec(folded)
  return match ? match.index : -1
}

export function suggestProducts(contexts: readonly FigureContext[], products: readonly NamedProduct[]): ProductSuggestion[] {
  const found = new Map<string, ProductSuggestion & { order: number }>()
  contexts.forEach((context, c) => {
    const folded = fold(context.text)
    for (const product of products) {
      if (found.has(product.slug)) continue
      // The longest name first: "Microsoft Teams" is a better reason than "Teams".
      const names = [product.name, ...product.aliases, product.slug.replace(/-/g, ' ')].sort((a, b) => b.length - a.length)
      for (const name of names) {
        const at = findName(folded, name)
        if (at < 0) continue
        found.set(product.slug, { slug: product.slug, name: product.name, place: context.place, matched: name, order: c * 1_000_000 + at })
        break
      }
    }
  })
  return [...found.values()].sort((a, b) => a.order - b.order).map(({ order: _, ...s }) => s)
}
