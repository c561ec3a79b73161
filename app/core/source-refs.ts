import type { DocNode } from './content'

/**
 * Every source id a body names, from figure marks and citation nodes (known or not), each once,
 * in no particular order: callers ask the database which of them exist or load them.
 */
export function referencedSourceIds(body: DocNode): string[] {
  const ids = new Set<string>()
  const stack = [body]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'citation' && typeof node.attrs?.sourceId === 'string') ids.add(node.attrs.sourceId)
    for (const mark of node.marks ?? []) if (mark.type === 'figure' && typeof mark.attrs?.sourceId === 'string') ids.add(mark.attrs.sourceId)
    if (node.content) stack.push(...node.content)
  }
  return [...ids]
}
