import { checkAsOf } from './as-of'
import type { DocNode } from './content'
import type { Issue } from './result'

const AS_OF_AFTER_SOURCE = 'as_of_after_source'

/**
 * The as-of rule that needs the sources (decision 026): a number cannot be "as of" a period that
 * starts after its source was published. The document validator has already refused shapes,
 * impossible dates and the future; this runs where the sources' dates are at hand (the save).
 */
export function figureDateIssues(body: DocNode, publishedAt: (sourceId: string) => string | null | undefined, today: string): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<string>()
  const walk = (node: DocNode, path: string): void => {
    node.marks?.forEach((mark, i) => {
      if (mark.type !== 'figure') return
      const { asOf, sourceId } = mark.attrs ?? {}
      if (typeof asOf !== 'string' || typeof sourceId !== 'string') return
      const published = publishedAt(sourceId)
      if (checkAsOf(asOf, { today, sourcePublishedAt: published }) !== 'after-source') return
      const key = `${node.text ?? ''}\u0000${asOf}\u0000${sourceId}`
      if (seen.has(key)) return
      seen.add(key)
      issues.push({
        path: `${path}.marks.${i}.attrs.asOf`,
        code: 'invalid_attribute',
        message: `figure.asOf: “${node.text ?? ''}” is dated ${asOf}, after its source was published (${published}); give the date the source states, or "undated".`,
        params: { rule: AS_OF_AFTER_SOURCE },
      })
    })
    node.content?.forEach((child, i) => walk(child, `${path}.content.${i}`))
  }
  walk(body, 'body')
  return issues
}
