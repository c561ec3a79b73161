// npm run token:create -- --username NAME [--name LABEL]
// Prints a new personal access token once, alone on the last line of standard output.
import { createApiToken } from '#app/models/api-tokens.server'
import { getDb, migrateToLatest } from '#app/models/db.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getUserByUsername } from '#app/models/users.server'
import { args, run } from './cli'

await run(async () => {
  const { username, name } = args({ username: { type: 'string' }, name: { type: 'string' } })
  if (!username) throw new Error('Give --username NAME')
  await migrateToLatest(getDb())
  const user = await getUserByUsername(getDb(), username)
  if (!user) throw new Error(`No user named "${username}"`)
  const { token } = await createApiToken(getDb(), user.id, name ?? 'command line')
  await logSecurityEvent(getDb(), 'token.created', { userId: user.id, username: user.username, detail: { via: 'cli' } })
  process.stdout.write(`Token for ${user.username} (shown once; store it now):\n${token}\n`)
})
