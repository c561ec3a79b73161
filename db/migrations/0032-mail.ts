import { type Kysely } from 'kysely'

// E-mail (DESIGN.md, "Working together"): an optional, verified address per account, what the
// person wants by mail, a key for unsubscribe links that work without signing in, and single-use
// tokens (address verification, password reset) stored only as hashes.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute()
  await db.schema.alterTable('users').addColumn('email_key', 'text').execute()
  await db.schema.alterTable('users').addColumn('email_verified_at', 'text').execute()
  await db.schema.alterTable('users').addColumn('mail_kinds', 'text', (c) => c.notNull().defaultTo('[]')).execute()
  await db.schema.alterTable('users').addColumn('mail_mode', 'text', (c) => c.notNull().defaultTo('immediate')).execute()
  await db.schema.alterTable('users').addColumn('mail_unsubscribe_key', 'text').execute()
  await db.schema.alterTable('users').addColumn('mail_digest_at', 'text').execute()
  await db.schema.alterTable('users').addColumn('mail_lang', 'text', (c) => c.notNull().defaultTo('en')).execute()
  // One account per verified address (the address is how a forgotten password is recovered).
  await db.schema.createIndex('users_email_key').on('users').column('email_key').unique().execute()

  await db.schema
    .createTable('email_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('email_tokens_user').on('email_tokens').columns(['user_id', 'purpose']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_tokens').ifExists().execute()
  await db.schema.dropIndex('users_email_key').ifExists().execute()
  for (const column of ['mail_lang', 'mail_digest_at', 'mail_unsubscribe_key', 'mail_mode', 'mail_kinds', 'email_verified_at', 'email_key', 'email']) {
    await db.schema.alterTable('users').dropColumn(column).execute()
  }
}
