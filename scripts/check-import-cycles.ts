// npm run lint: fails when app/ or server/ has an import cycle (value imports; `import type`
// vanishes at build time and cannot cycle at run time). The layer rules in eslint.config.js keep
// imports pointing down between folders; this catches cycles inside a folder too.
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const ALIASES: Record<string, string> = { '#app/': 'app/', '#db/': 'db/', '#test/': 'test/' }
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(rel)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : []
  })
}

function resolve(from: string, spec: string): string | null {
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a))
  const base = alias ? ALIASES[alias] + spec.slice(alias.length) : spec.startsWith('.') ? path.posix.join(path.posix.dirname(from), spec) : null
  if (base === null) return null
  return ['.ts', '.tsx', '/index.ts', ''].map((ext) => base + ext).find((file) => fs.existsSync(path.join(ROOT, file)) && fs.statSync(path.join(ROOT, file)).isFile()) ?? null
}

const files = [...sourceFiles('app'), ...sourceFiles('server')]
const graph = new Map<string, string[]>()
for (const file of files) {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8')
  graph.set(file, [...text.matchAll(IMPORT)].map((m) => resolve(file, m[1]!)).filter((f): f is string => f !== null && /\.tsx?$/.test(f)))
}

const state = new Map<string, 'open' | 'done'>()
const cycles: string[][] = []
function visit(file: string, trail: string[]): void {
  if (state.get(file) === 'done') return
  if (state.get(file) === 'open') {
    cycles.push([...trail.slice(trail.indexOf(file)), file])
    return
  }
  state.set(file, 'open')
  for (const next of graph.get(file) ?? []) visit(next, [...trail, file])
  state.set(file, 'done')
}
for (const file of files) visit(file, [])

if (cycles.length > 0) {
  for (const cycle of cycles) process.stderr.write(`import cycle: ${cycle.join(' → ')}\n`)
  process.exit(1)
}
