// npm run user:create -- --username NAME --role ROLE [--email ADDRESS]   (the password is read from standard input;
// an address given here counts as verified)
import { isRole, ROLES } from '#app/core/roles'
import { getDb, migrateToLatest } from '#app/models/db.server'
import { createAccount } from '#app/services/create-account.server'
import { assignVerifiedEmail } from '#app/services/email-address.server'
import { parseEmail } from '#app/core/email'
import { args, readPassword, run } from './cli'

await run(async () => {
  const { username, role, email } = args({ username: { type: 'string' }, role: { type: 'string' }, email: { type: 'string' } })
  if (!username) throw new Error('Give --username NAME')
  const chosen = role ?? 'editor'
  if (!isRole(chosen)) throw new Error(`--role must be one of ${ROLES.join(', ')}`)
  if (email !== undefined) {
    const checked = parseEmail(email)
    if (!checked.ok || checked.value === null) throw new Error(`--email: ${checked.ok ? 'give an address' : checked.issues[0]!.message}`)
  }
  const password = await readPassword('Password (not shown): ')
  await migrateToLatest(getDb())
  const created = await createAccount(getDb(), { username, password, role: chosen })
  if (!created.ok) throw new Error(created.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  if (email !== undefined) {
    const assigned = await assignVerifiedEmail(getDb(), created.value.id, email)
    if (!assigned.ok) throw new Error(`--email: ${assigned.message} The account was created without an address.`)
  }
  process.stdout.write(`Created ${chosen} ${created.value.username}${email ? ` <${email}>` : ''}\n`)
})
