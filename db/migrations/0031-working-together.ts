import { type Kysely } from 'kysely'

// Working together (DESIGN.md): talk threads and posts beside pages, a log of their edits and
// moderation, watchlists and notifications. Subjects are named by kind and id (not slug), so a
// page that moves keeps its talk, watchers and notifications.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('talk_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_post_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('talk_threads_subject').on('talk_threads').columns(['subject_kind', 'subject_id', 'last_post_at']).execute()

  await db.schema
    .createTable('talk_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('talk_threads.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'text', (c) => c.references('users.id'))
    .addColumn('hidden_reason', 'text')
    .execute()
  await db.schema.createIndex('talk_posts_thread').on('talk_posts').columns(['thread_id', 'id']).execute()

  await db.schema
    .createTable('talk_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('talk_threads.id'))
    .addColumn('post_id', 'text', (c) => c.references('talk_posts.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('previous_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('talk_log_thread').on('talk_log').columns(['thread_id', 'id']).execute()

  await db.schema
    .createTable('watches')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('watches_pk', ['user_id', 'subject_kind', 'subject_id'])
    .execute()
  await db.schema.createIndex('watches_subject').on('watches').columns(['subject_kind', 'subject_id']).execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('revision_id', 'text')
    .addColumn('thread_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute()
  await db.schema.createIndex('notifications_created').on('notifications').column('created_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notifications', 'watches', 'talk_log', 'talk_posts', 'talk_threads']) await db.schema.dropTable(table).ifExists().execute()
}
