// npm run token:create -- --username NAME [--name LABEL]
// Prints a new personal access token once, alone on the last line of standard output.
import { getDb, migrateToLatest } from '#app/models/db.server'
import { getUserByUsername } from '#app/models/users.server'
import { createPersonalToken, MAX_TOKENS_PER_USER, TOKEN_NAME_MAX } from '#app/services/create-api-token.server'
import { args, run } from './cli'

await run(async () => {
  const { username, name } = args({ username: { type: 'string' }, name: { type: 'string' } })
  if (!username) throw new Error('Give --username NAME')
  await migrateToLatest(getDb())
  const user = await getUserByUsername(getDb(), username)
  if (!user) throw new Error(`No user named "${username}"`)
  const created = await createPersonalToken(getDb(), { user, name: name ?? 'command line', ip: null, via: 'cli' })
  if (!created.ok) {
    throw new Error(created.code === 'too_many' ? `${user.username} already has ${MAX_TOKENS_PER_USER} tokens; revoke one on /account first` : `--name must be 1 to ${TOKEN_NAME_MAX} characters`)
  }
  process.stdout.write(`Token "${created.name}" for ${user.username} (shown once; store it now):\n${created.token}\n`)
})
