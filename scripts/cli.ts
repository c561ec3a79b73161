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

/**
 * A password from standard input. Piped in, it is everything up to the final line end; typed at a
 * terminal, it is one line read without echo, so it stays off the screen and the scrollback.
 */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin
  if (!stdin.isTTY) return (await readStdin()).replace(/\r?\n$/, '')
  process.stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let value = ''
    const finish = (error?: Error) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish()
        if (char === '\u0003') return finish(new Error('Cancelled'))
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('')
        else if (char >= ' ') value += char
      }
    }
    stdin.on('data', onData)
    stdin.resume()
  })
}
