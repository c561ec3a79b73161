import { describe, expect, it } from 'vitest'
import { dateToYear, markerPath, niceStep, timelineSvg, type TimelinePoint } from './timeline-svg'

const point = (over: Partial<TimelinePoint>): TimelinePoint => ({
  id: 'p', date: '2020', value: 100, vendor: false, undated: false, conflict: false, href: '/pages/a#fig-1', label: '100 · 2020', ...over,
})
const opts = { title: 'Registered accounts', titleId: 't1', formatValue: (v: number) => v.toLocaleString('en'), undatedLabel: 'not dated' }

describe('timeline scale', () => {
  it('places years and months in their middle and refuses what is no date', () => {
    expect(dateToYear('2020')).toBe(2020.5)
    expect(dateToYear('2020-01')).toBeCloseTo(2020 + 0.5 / 12)
    expect(dateToYear('2020-12-31')).toBeLessThan(2021)
    expect(dateToYear('2020-13')).toBeNull()
    expect(dateToYear('')).toBeNull()
  })

  it('picks round steps', () => {
    expect(niceStep(400_000)).toBe(100_000)
    expect(niceStep(220_000)).toBe(100_000)
    expect(niceStep(90)).toBe(25)
    expect(niceStep(0)).toBe(1)
  })
})

describe('timelineSvg', () => {
  const svg = timelineSvg(
    [
      point({ id: 'a', date: '2020-10', value: 170_000, href: '/pages/t#fig-2', label: '170,000 · Oct 2020 · Bercy' }),
      point({ id: 'b', date: '2020-03', value: 85_000, vendor: true, label: '85,000 · Mar 2020 · DINUM (self-reported)' }),
      point({ id: 'c', date: '2024-05', value: 200_000, undated: true, conflict: true, label: '200,000 · not dated <b>' }),
      point({ id: 'd', date: 'someday', value: 1 }),
    ],
    opts,
  )

  it('is one accessible group named by its title', () => {
    expect(svg).toMatch(/^<svg [^>]*role="group" aria-labelledby="t1">/)
    expect(svg).toContain('<title id="t1">Registered accounts</title>')
  })

  it('makes every dated point a named link to its evidence, in time order', () => {
    const links = [...svg.matchAll(/<a href="([^"]*)" class="([^"]*)" aria-label="([^"]*)" data-claim="(\w)"/g)].map((m) => ({ href: m[1], classes: m[2], label: m[3], id: m[4] }))
    expect(links.map((l) => l.id)).toEqual(['b', 'a', 'c', 'd'])
    expect(links[1]).toMatchObject({ href: '/pages/t#fig-2', label: '170,000 · Oct 2020 · Bercy' })
    expect(links[2]!.label).toBe('200,000 · not dated &lt;b&gt;')
  })

  it('tells vendor-reported points by shape, and marks undated and conflicting ones', () => {
    expect(svg).toMatch(/class="timeline__point timeline__point--vendor"[^>]*><path d="M[\d.]+ [\d.]+L/)
    expect(svg).toMatch(/class="timeline__point timeline__point--independent"[^>]*><path d="M[\d.]+ [\d.]+a6 6/)
    expect(svg).toMatch(/timeline__point--undated timeline__point--conflict"[^>]*><circle class="timeline__conflict"/)
    expect(markerPath(true, 10, 10)).not.toEqual(markerPath(false, 10, 10))
  })

  it('draws value ticks from zero and the years covered', () => {
    expect(svg).toContain('>0</text>')
    expect(svg).toContain('>200,000</text>')
    expect(svg).toContain('>2020</text>')
    expect(svg).toContain('>2023</text>')
  })

  it('keeps every point inside the plot', () => {
    for (const m of svg.matchAll(/<path d="M([\d.]+) ([\d.]+)/g)) {
      expect(Number(m[1])).toBeGreaterThan(0)
      expect(Number(m[1])).toBeLessThan(640)
      expect(Number(m[2])).toBeGreaterThan(0)
      expect(Number(m[2])).toBeLessThan(240)
    }
  })

  it('is an empty chart with its title when there is no point', () => {
    expect(timelineSvg([], opts)).toBe('<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 640 240" role="group" aria-labelledby="t1"><title id="t1">Registered accounts</title></svg>')
  })

  it('puts points without any date in a band of their own, after the dated ones', () => {
    const only = timelineSvg([point({ id: 'u', date: '', undated: true, value: 200_000 })], opts)
    expect(only).toContain('>not dated</text>')
    expect(only).toMatch(/data-claim="u"><path d="M5\d\d/)
    expect(svg).toContain('>not dated</text>')
    expect([...svg.matchAll(/data-claim="(\w)"/g)].map((m) => m[1])).toEqual(['b', 'a', 'c', 'd'])
  })
})
