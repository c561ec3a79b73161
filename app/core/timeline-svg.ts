import { escapeHtml } from './html'

/**
 * A metric's claims over time as an SVG chart, built as a string on the server (no client script):
 * time runs left to right, values bottom to top from zero. Each point is a link to its evidence,
 * focusable with the keyboard and named for screen readers. Who reported a number is told by shape,
 * not colour alone: a circle for an independent source, a diamond for the vendor's own word; an
 * undated point (placed at its source's publication date, its upper bound) is hollow, and a point
 * in conflict with another of the same period carries a dashed ring. A point with no date at all
 * (undated, from a source without a date) sits in a band of its own at the right end.
 */

export interface TimelinePoint {
  id: string
  /** Where on the time axis: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string
  value: number
  vendor: boolean
  undated: boolean
  conflict: boolean
  href: string
  /** The accessible name, in the reader's language ("170,000 · Oct 2020 · Bercy numérique"). */
  label: string
}

export interface TimelineOptions {
  /** The chart's accessible title; also shown to sighted readers as the SVG <title>. */
  title: string
  titleId: string
  formatValue: (value: number) => string
  /** The axis label of the band for points with no date at all (undated, and a source without a date). */
  undatedLabel: string
  width?: number
  height?: number
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const MARGIN = { top: 16, right: 24, bottom: 32, left: 72 }
const UNDATED_BAND = 90

/** A date as a fractional year: a year or a month sits in its middle, a day at its own place. */
export function dateToYear(date: string): number | null {
  const m = DATE.exec(date)
  if (!m) return null
  const year = Number(m[1])
  if (m[2] === undefined) return year + 0.5
  const month = Number(m[2])
  if (month < 1 || month > 12) return null
  if (m[3] === undefined) return year + (month - 0.5) / 12
  const day = Number(m[3])
  if (day < 1 || day > 31) return null
  return year + (month - 1) / 12 + (day - 0.5) / 372
}

/** A round step (1, 2, 2.5 or 5 × a power of ten) so that about `ticks` steps cover `max`. */
export function niceStep(max: number, ticks = 4): number {
  if (!(max > 0)) return 1
  const raw = max / ticks
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw)!
  return step
}

/** The marker of a point (also drawn in the legend): a circle, or a diamond for vendor-reported. */
export function markerPath(vendor: boolean, x: number, y: number, size = 6): string {
  const f = (n: number) => Number(n.toFixed(2))
  if (vendor) {
    const r = size * 1.3
    return `M${f(x)} ${f(y - r)}L${f(x + r)} ${f(y)}L${f(x)} ${f(y + r)}L${f(x - r)} ${f(y)}Z`
  }
  // A circle as a path (two arcs), so both markers are one element type and style alike.
  return `M${f(x - size)} ${f(y)}a${size} ${size} 0 1 0 ${size * 2} 0a${size} ${size} 0 1 0 ${-size * 2} 0Z`
}

export function timelineSvg(points: readonly TimelinePoint[], options: TimelineOptions): string {
  const width = options.width ?? 640
  const height = options.height ?? 240
  const valued = points.filter((p) => Number.isFinite(p.value))
  const dated = valued.map((p) => ({ p, t: dateToYear(p.date) })).filter((x): x is { p: TimelinePoint; t: number } => x.t !== null)
  const placeless = valued.filter((p) => dateToYear(p.date) === null)
  const title = `<title id="${escapeHtml(options.titleId)}">${escapeHtml(options.title)}</title>`
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="${escapeHtml(options.titleId)}">`
  if (valued.length === 0) return `${open}${title}</svg>`

  const times = dated.map((x) => x.t)
  const t0 = times.length > 0 ? Math.floor(Math.min(...times)) : 0
  const t1 = times.length > 0 ? Math.max(t0 + 1, Math.ceil(Math.max(...times))) : 1
  const maxValue = Math.max(0, ...valued.map((p) => p.value))
  const minValue = Math.min(0, ...valued.map((p) => p.value))
  const step = niceStep(Math.max(maxValue - minValue, 1))
  const yMax = Math.max(step, Math.ceil(maxValue / step) * step)
  const yMin = Math.min(0, Math.floor(minValue / step) * step)

  const band = placeless.length > 0 ? UNDATED_BAND : 0
  const right = width - MARGIN.right
  const plotW = right - MARGIN.left - band
  const plotH = height - MARGIN.top - MARGIN.bottom
  const x = (t: number) => MARGIN.left + ((t - t0) / (t1 - t0)) * plotW
  const y = (v: number) => MARGIN.top + (1 - (v - yMin) / (yMax - yMin)) * plotH
  const f = (n: number) => Number(n.toFixed(2))

  const axis: string[] = []
  for (let v = yMin; v <= yMax + step / 2; v += step) {
    axis.push(`<line class="timeline__grid" x1="${MARGIN.left}" x2="${right}" y1="${f(y(v))}" y2="${f(y(v))}"/>`)
    axis.push(`<text class="timeline__tick" x="${MARGIN.left - 8}" y="${f(y(v) + 4)}" text-anchor="end">${escapeHtml(options.formatValue(v))}</text>`)
  }
  if (dated.length > 0) {
    const years = t1 - t0
    const yearStep = years <= 8 ? 1 : Math.ceil(years / 8)
    for (let year = t0; year <= t1; year += yearStep) {
      axis.push(`<line class="timeline__axis" x1="${f(x(year))}" x2="${f(x(year))}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH + 5}"/>`)
      if (year < t1) axis.push(`<text class="timeline__tick" x="${f(x(year + Math.min(yearStep, t1 - year) / 2))}" y="${height - 10}" text-anchor="middle">${year}</text>`)
    }
  }
  if (band > 0) {
    axis.push(`<line class="timeline__band" x1="${right - band}" x2="${right - band}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}"/>`)
    axis.push(`<text class="timeline__tick" x="${f(right - band / 2)}" y="${height - 10}" text-anchor="middle">${escapeHtml(options.undatedLabel)}</text>`)
  }
  axis.push(`<line class="timeline__axis" x1="${MARGIN.left}" x2="${right}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}"/>`)

  // Earlier points first, so a later point (drawn on top) is also later in the tab order; the
  // points without a date come last, spread across their band.
  const ordered = [
    ...[...dated].sort((a, b) => a.t - b.t || a.p.value - b.p.value).map(({ p, t }) => ({ p, cx: x(t) })),
    ...placeless.map((p, i) => ({ p, cx: right - band + ((i + 1) / (placeless.length + 1)) * band })),
  ]
  const marks = ordered.map(({ p, cx }) => {
    const cy = y(p.value)
    const classes = ['timeline__point', p.vendor ? 'timeline__point--vendor' : 'timeline__point--independent', p.undated ? 'timeline__point--undated' : '', p.conflict ? 'timeline__point--conflict' : '']
      .filter(Boolean)
      .join(' ')
    const ring = p.conflict ? `<circle class="timeline__conflict" cx="${f(cx)}" cy="${f(cy)}" r="12"/>` : ''
    return `<a href="${escapeHtml(p.href)}" class="${classes}" aria-label="${escapeHtml(p.label)}" data-claim="${escapeHtml(p.id)}">${ring}<path d="${markerPath(p.vendor, cx, cy)}"/><title>${escapeHtml(p.label)}</title></a>`
  })
  return `${open}${title}<g aria-hidden="true">${axis.join('')}</g>${marks.join('')}</svg>`
}
