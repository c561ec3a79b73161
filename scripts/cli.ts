import { parseArgs } from 'node:util'
import { getDb } from '#app/models/db.server'

/** Shared by the command-line tools: argument parsing and a clean exit that closes the database. */
export function args<T extends Record<string, { type: 'string' | 'boolean' }>>(options: T) {
  return parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options, strict: true }).values
}

export async function run(main: () => Promise<void>): Promise<void> {
  try {
    await main()
    await getDb().destroy()
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
    await getDb().destroy().catch(() => {})
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
