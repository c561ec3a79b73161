// npm run user:create -- --username NAME --role ROLE   (the password is read from standard input)
import { isRole, ROLES } from '#app/core/roles'
import { getDb, migrateToLatest } from '#app/models/db.server'
import { createAccount } from '#app/services/create-account.server'
import { args, readPassword, run } from './cli'

await run(async () => {
  const { username, role } = args({ username: { type: 'string' }, role: { type: 'string' } })
  if (!username) throw new Error('Give --username NAME')
  const chosen = role ?? 'editor'
  if (!isRole(chosen)) throw new Error(`--role must be one of ${ROLES.join(', ')}`)
  const password = await readPassword('Password (not shown): ')
  await migrateToLatest(getDb())
  const created = await createAccount(getDb(), { username, password, role: chosen })
  if (!created.ok) throw new Error(created.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  process.stdout.write(`Created ${chosen} ${created.value.username}\n`)
})
