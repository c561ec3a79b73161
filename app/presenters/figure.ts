import type { FigureRecord } from '#app/models/evidence.server'

export interface FigureView {
  ordinal: number
  text: string
  value: number | null
  unit: string | null
  metric: string | null
  /** The written definition of an unregistered metric. */
  metricDefinition: string | null
  /** The slug of the product the figure is about. */
  product: string | null
  asOf: string | null
  sourceId: string | null
  quote: string | null
  cited: boolean
  quoteShowsFigure: boolean
}

export function presentFigure(f: FigureRecord): FigureView {
  return {
    ordinal: f.ordinal,
    text: f.text,
    value: f.value,
    unit: f.unit,
    metric: f.metric,
    metricDefinition: f.metricDefinition,
    product: f.product,
    asOf: f.asOf,
    sourceId: f.sourceId,
    quote: f.quote,
    cited: f.cited,
    quoteShowsFigure: f.quoteShowsFigure,
  }
}
