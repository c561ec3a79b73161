// npm run check-links
// Checks every source that is due (never checked, or last checked longer ago than
// LINK_CHECK_INTERVAL_HOURS; broken links after LINK_CHECK_BROKEN_INTERVAL_HOURS), then exits
// with a summary. Safe to run while the app runs: both take jobs from the same queue.
import { getDb, migrateToLatest } from '#app/models/db.server'
import { linkCheckerSettings, runLinkCheckPass, summarise } from '#app/services/link-checker.server'
import { run } from './cli'

await run(async () => {
  await migrateToLatest(getDb())
  const settings = linkCheckerSettings()
  // No batch limit: the command works the whole queue of due checks before it exits.
  const summary = await runLinkCheckPass(getDb(), settings, { limit: Number.MAX_SAFE_INTEGER })
  const counts = summarise(summary)
  const lines: string[] = []
  for (const outcome of summary.outcomes) {
    if (outcome.kind === 'recorded') {
      const missing = outcome.quoteResults.filter((q) => q.found === false).length
      const http = outcome.httpStatus === null ? '' : ` HTTP ${outcome.httpStatus}`
      lines.push(`  ${outcome.status.padEnd(10)}${http.padEnd(9)} ${outcome.url}${missing > 0 ? `  (${missing} quote${missing === 1 ? '' : 's'} not found)` : ''}`)
    } else if (outcome.kind === 'retry') {
      lines.push(`  retry     ${outcome.status} — source ${outcome.sourceId}, again at ${outcome.retryAt}`)
    } else if (outcome.kind === 'failed') {
      lines.push(`  failed    ${outcome.reason}`)
    }
  }
  const statuses = Object.entries(counts.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ')
  process.stdout.write(
    [
      ...lines,
      `Checked ${counts.recorded} source${counts.recorded === 1 ? '' : 's'}${statuses ? ` (${statuses})` : ''}; ` +
        `${counts.quotesNotFound} quote${counts.quotesNotFound === 1 ? '' : 's'} not found; ` +
        `${counts.retries} retr${counts.retries === 1 ? 'y' : 'ies'} scheduled; ${counts.failures} failed.`,
    ].join('\n') + '\n',
  )
})
