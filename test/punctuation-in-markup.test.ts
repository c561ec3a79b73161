import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// French sets a space before ":" ";" "!" "?" (app/core/i18n/i18n.test.ts checks the messages). A
// mark typed in markup right after a translated label — `{t('x')}:` — would skip that rule in
// French; such a colon goes through t('punct.colon') instead.
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? tsxFiles(path) : entry.name.endsWith('.tsx') ? [path] : []
  })
}

describe('punctuation after a translated label in markup', () => {
  const files = tsxFiles('app')
  it.each(files)('%s', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n')
    const offending = lines.flatMap((line, i) => (/\bt\([^()]*(\([^()]*\))?[^()]*\)\}[:;!?]/.test(line) ? [`${i + 1}: ${line.trim()}`] : []))
    expect(offending).toEqual([])
  })
})
