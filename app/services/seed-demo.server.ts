import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { analyseContent } from '#app/core/analyse'
import type { DocNode, PageContent } from '#app/core/content'
import { validateContent } from '#app/core/document'
import { linkSubjects, nameKey, validateProductContent, type PageKind } from '#app/core/product'
import type { Role } from '#app/core/roles'
import { sourceUrlKey } from '#app/core/source-url'
import { hashPassword } from '#app/auth/password.server'
import { loadMetricRegistry } from '#app/models/metrics.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getMeta, insertMeta } from '#app/models/meta.server'
import { insertPage, updatePageHeads } from '#app/models/pages.server'
import { insertSource } from '#app/models/sources.server'
import { insertUser } from '#app/models/users.server'
import type { Database } from '#db/schema'
import { demoPages, demoSources } from '#db/seed/demo-content'
import { demoProducts } from '#db/seed/demo-products'
import { recordRevision } from './record-revision.server'
import { seedUnverifiedClaims } from './seed-unverified-claims.server'

export interface DemoAccount {
  username: string
  role: Role
  password: string
}

const DEMO_ACCOUNTS: Array<{ username: string; role: Role }> = [
  { username: 'demo-editor', role: 'editor' },
  { username: 'demo-trusted', role: 'trusted' },
  { username: 'demo-moderator', role: 'moderator' },
]

/** The account demo revisions are attributed to; it has no password and cannot sign in. */
const SEED_AUTHOR = 'Sourced'

function replaceSourceKeys(node: DocNode, ids: Map<string, string>): DocNode {
  const swap = (attrs: Record<string, unknown> | undefined) => {
    if (!attrs || typeof attrs.sourceId !== 'string') return attrs
    const id = ids.get(attrs.sourceId)
    if (!id) throw new Error(`demo content cites an unknown source key: ${attrs.sourceId}`)
    return { ...attrs, sourceId: id }
  }
  return {
    ...node,
    ...(node.type === 'citation' ? { attrs: swap(node.attrs) } : {}),
    ...(node.marks ? { marks: node.marks.map((m) => (m.type === 'figure' ? { ...m, attrs: swap(m.attrs) } : m)) } : {}),
    ...(node.content ? { content: node.content.map((c) => replaceSourceKeys(c, ids)) } : {}),
  }
}

/**
 * Loads the demo comparisons into an empty database, with the demo accounts. Returns the accounts
 * with their one-time passwords, or null when another process seeded first.
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoAccount[] | null> {
  const accounts = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => {
      const password = randomBytes(12).toString('base64url')
      return { ...a, password, hash: await hashPassword(password) }
    }),
  )
  try {
    await db.transaction().execute(async (trx) => {
      // The meta row is the claim: a second instance starting at the same time fails here.
      await insertMeta(trx, 'demo_seeded_at', nowIso())
      const authorId = newId()
      await insertUser(trx, { id: authorId, username: SEED_AUTHOR, passwordHash: null, role: 'trusted', createdAt: nowIso() })
      const accountIds = new Map<string, string>()
      for (const a of accounts) {
        const id = newId()
        accountIds.set(a.username, id)
        await insertUser(trx, { id, username: a.username, passwordHash: a.hash, role: a.role, createdAt: nowIso() })
      }
      const sourceIds = new Map<string, string>()
      for (const s of demoSources) {
        const id = newId()
        sourceIds.set(s.key, id)
        const urlKey = sourceUrlKey(s.url)
        if (!urlKey) throw new Error(`demo source has an invalid URL: ${s.url}`)
        await insertSource(trx, {
          id, url: s.url, urlKey, title: s.title, publisher: s.publisher, publishedAt: s.publishedAt,
          kind: s.kind, lang: s.lang, archiveUrl: s.archiveUrl ?? null, createdAt: nowIso(), createdBy: authorId,
        })
      }
      const known = new Set(sourceIds.values())
      const slugOfName = new Map<string, string>()
      for (const seed of demoProducts) {
        const validated = validateProductContent({
          title: seed.name, summary: seed.summary, lang: seed.lang, subjects: { proprietary: [], alternatives: [] }, categories: seed.categories,
          body: replaceSourceKeys(seed.body ?? { type: 'doc', content: [{ type: 'paragraph' }] }, sourceIds), product: seed.facts,
        })
        if (!validated.ok) throw new Error(`demo product ${seed.slug} is invalid: ${validated.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
        await insertApproved(trx, { slug: seed.slug, featured: false, kind: 'product', content: validated.value, authorId, known, editSummary: 'Demo product from its public homepage and repository' })
        for (const name of [seed.name, seed.slug, ...seed.facts.aliases]) slugOfName.set(nameKey(name), seed.slug)
      }
      for (const seed of demoPages) {
        const linked = linkSubjects(seed.content, (key) => slugOfName.get(key) ?? null)
        const validated = validateContent({ ...linked, body: replaceSourceKeys(seed.content.body, sourceIds) })
        if (!validated.ok) throw new Error(`demo page ${seed.slug} is invalid: ${validated.issues.map((i) => i.message).join('; ')}`)
        await insertApproved(trx, { slug: seed.slug, featured: seed.featured, kind: 'comparison', content: validated.value, authorId, known, editSummary: seed.editSummary })
      }
      await seedUnverifiedClaims(trx, { recorderId: accountIds.get('demo-editor')!, settlerId: authorId })
    })
  } catch (error) {
    if ((await getMeta(db, 'demo_seeded_at')) !== null) return null
    throw error
  }
  return accounts.map(({ username, role, password }) => ({ username, role, password }))
}

async function insertApproved(
  trx: Kysely<Database>,
  seed: { slug: string; featured: boolean; kind: PageKind; content: PageContent; authorId: string; known: Set<string>; editSummary: string },
): Promise<void> {
  const { content } = seed
  const analysis = analyseContent(content, seed.known, { metrics: await loadMetricRegistry(trx) })
  const pageId = newId()
  const revisionId = newId()
  await insertPage(trx, {
    id: pageId, slug: seed.slug, title: content.title, summary: content.summary, lang: content.lang,
    latestRevisionId: revisionId, featured: seed.featured, createdAt: nowIso(), kind: seed.kind,
  })
  await recordRevision(trx, {
    id: revisionId, pageId, parentId: null, baseRevisionId: null, authorId: seed.authorId, summary: seed.editSummary,
    status: 'approved', content, analysis,
  })
  await updatePageHeads(trx, pageId, { stableRevisionId: revisionId, updatedAt: nowIso() })
}
