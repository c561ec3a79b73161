import blueOak from '@blueoak/list/index.json'
import parse from 'spdx-expression-parse'
import copyleftIds from 'spdx-copyleft/index.json'
import licenceIds from 'spdx-license-ids/index.json'
import deprecatedIds from 'spdx-license-ids/deprecated.json'
import licenceList from 'spdx-license-list/spdx.json'

/**
 * Licences are checked against maintained lists, never typed freely (decision 019):
 * - identifiers and expression syntax: SPDX (`spdx-license-ids`, `spdx-expression-parse`);
 * - "open source": OSI approval from the SPDX licence list (`spdx-license-list`, `osiApproved`),
 *   plus the few licences the SPDX list marks FSF free/libre but not OSI-approved (below; no
 *   maintained npm package ships the SPDX list's FSF column);
 * - families: `copyleft` from `spdx-copyleft`, `permissive` from the Blue Oak Council's list of
 *   permissive licences (`@blueoak/list`), `weak-copyleft` the copyleft licences whose reciprocity
 *   stops at the file or library (Blue Oak Council's "weak" copyleft family, listed below).
 */

export const PROPRIETARY_LICENCE = 'LicenseRef-Proprietary'
const LICENCE_FAMILIES = ['copyleft', 'weak-copyleft', 'permissive'] as const
export type LicenceFamily = (typeof LICENCE_FAMILIES)[number]
export type ProductKind = 'proprietary' | 'open-source'

// The SPDX licence list's "FSF Free/Libre" licences that the OSI has not approved.
const FSF_LIBRE_ONLY = new Set(['CC0-1.0', 'WTFPL', 'X11', 'BSD-3-Clause-Clear', 'OpenSSL', 'Vim', 'Ruby', 'IJG', 'Zend-2.0', 'ClArtistic'])

/** Licences that publish the source but restrict use, so neither OSI nor FSF approve them. */
const SOURCE_AVAILABLE: Record<string, string> = {
  'BUSL-1.1': 'forbids production use that competes with the licensor until a change date',
  'SSPL-1.0': 'makes offering the software as a service require releasing the whole service stack, which the OSI rejected',
  'Elastic-2.0': 'forbids offering the software as a managed service',
  'Commons-Clause': 'forbids selling the software or services whose value derives from it',
  'FSL-1.1-MIT': 'forbids competing use for two years',
  'FSL-1.1-ALv2': 'forbids competing use for two years',
  'PolyForm-Noncommercial-1.0.0': 'forbids commercial use',
  'PolyForm-Small-Business-1.0.0': 'limits use to small businesses',
  'CC-BY-NC-4.0': 'forbids commercial use',
}

const WEAK_COPYLEFT_PREFIXES = ['LGPL-', 'MPL-', 'EPL-', 'CDDL-', 'CPL-', 'IPL-', 'MS-RL', 'SPL-', 'ErlPL-']

const knownIds = new Set<string>([...licenceIds, ...deprecatedIds])
const idByLowerCase = new Map([...knownIds].map((id) => [id.toLowerCase(), id]))
const copyleft = new Set<string>(copyleftIds)
const permissive = new Set(blueOak.flatMap((rating) => rating.licenses.map((l) => l.id)))

export type LicenceIssue = { code: 'licence_required' | 'licence_unknown' | 'licence_source_available' | 'licence_not_open' | 'licence_proprietary'; message: string }

const SPDX_LIST = 'https://spdx.org/licenses/'

/** Checks a product's licence for its kind; returns the normalised expression or why it is refused. */
export function checkLicence(kind: ProductKind, input: string): { ok: true; licence: string } | ({ ok: false } & LicenceIssue) {
  const expression = input.trim().replace(/\s+/g, ' ')
  if (kind === 'proprietary') {
    if (expression === '' || expression === PROPRIETARY_LICENCE) return { ok: true, licence: PROPRIETARY_LICENCE }
    return { ok: false, code: 'licence_proprietary', message: `A proprietary product's licence is ${PROPRIETARY_LICENCE}. If it is released under ${expression.slice(0, 60)}, mark it open-source instead.` }
  }
  if (expression === '') {
    return { ok: false, code: 'licence_required', message: `An open-source product needs its licence: write its SPDX identifier, e.g. AGPL-3.0-only or Apache-2.0 (list: ${SPDX_LIST}).` }
  }
  if (/commons[\s-]*clause/i.test(expression)) return sourceAvailable('Commons-Clause')
  if (expression === PROPRIETARY_LICENCE) {
    return { ok: false, code: 'licence_proprietary', message: `${PROPRIETARY_LICENCE} is for closed software. Write the OSI- or FSF-approved licence the product is released under (e.g. GPL-3.0-or-later), or mark it proprietary.` }
  }
  for (const token of expression.split(/[\s()]+/)) {
    if (token === '' || /^(AND|OR|WITH)$/.test(token) || token.startsWith('LicenseRef-') || token.startsWith('DocumentRef-')) continue
    const id = token.replace(/\+$/, '')
    if (knownIds.has(id) || /exception/i.test(id)) continue
    const suggestion = idByLowerCase.get(id.toLowerCase())
    return {
      ok: false, code: 'licence_unknown',
      message: suggestion
        ? `"${id.slice(0, 60)}" is written ${suggestion} in SPDX; write that instead.`
        : `"${id.slice(0, 60)}" is not an SPDX licence identifier. Write one from ${SPDX_LIST} (e.g. GPL-3.0-or-later), or mark the product proprietary.`,
    }
  }
  let tree: parse.Info
  try {
    tree = parse(expression)
  } catch {
    return { ok: false, code: 'licence_unknown', message: `"${expression.slice(0, 80)}" is not a valid SPDX expression. Write identifiers joined by AND, OR or WITH, e.g. "MIT OR Apache-2.0".` }
  }
  const refused = openSourceProblem(tree)
  return refused ?? { ok: true, licence: expression }
}

function sourceAvailable(id: string): { ok: false } & LicenceIssue {
  return {
    ok: false, code: 'licence_source_available',
    message: `${id} is source-available, not open source: it ${SOURCE_AVAILABLE[id]}, so neither the OSI nor the FSF approve it. Mark the product proprietary (licence ${PROPRIETARY_LICENCE}), or write the OSI-approved licence it is also released under.`,
  }
}

/** Null when some choice the expression offers is open source throughout; otherwise why not. */
function openSourceProblem(tree: parse.Info): ({ ok: false } & LicenceIssue) | null {
  if ('conjunction' in tree) {
    const left = openSourceProblem(tree.left)
    const right = openSourceProblem(tree.right)
    if (tree.conjunction === 'or') return left && right ? left : null
    return left ?? right
  }
  const id = tree.license
  if (SOURCE_AVAILABLE[id]) return sourceAvailable(id)
  if (isApproved(id)) return null
  if (id === PROPRIETARY_LICENCE) return { ok: false, code: 'licence_proprietary', message: `An open-source product cannot be under ${PROPRIETARY_LICENCE} alone; offer its open licence too (e.g. "AGPL-3.0-only OR ${PROPRIETARY_LICENCE}").` }
  return {
    ok: false, code: 'licence_not_open',
    message: `${id.slice(0, 60)} is not approved by the OSI or the FSF, so the product cannot be listed as open source. Write its OSI-approved licence (${SPDX_LIST}) or mark it proprietary.`,
  }
}

function isApproved(id: string): boolean {
  return (licenceList as Record<string, { osiApproved?: boolean } | undefined>)[id]?.osiApproved === true || FSF_LIBRE_ONLY.has(id)
}

/** The SPDX identifiers an expression names (exceptions and LicenseRefs left out). */
export function licenceIdsOf(expression: string): string[] {
  try {
    const ids: string[] = []
    const walk = (node: parse.Info): void => {
      if ('conjunction' in node) {
        walk(node.left)
        walk(node.right)
      } else if (knownIds.has(node.license)) ids.push(node.license)
    }
    walk(parse(expression))
    return [...new Set(ids)]
  } catch {
    return []
  }
}

function familyOf(id: string): LicenceFamily | null {
  if (copyleft.has(id)) return WEAK_COPYLEFT_PREFIXES.some((p) => id.startsWith(p)) ? 'weak-copyleft' : 'copyleft'
  return permissive.has(id) ? 'permissive' : null
}

/**
 * The families an expression belongs to. Weak copyleft counts as copyleft too, so that
 * `?license=copyleft` answers "any copyleft" and `?license=weak-copyleft` narrows further.
 */
export function familiesOf(expression: string): LicenceFamily[] {
  const families = new Set<LicenceFamily>()
  for (const id of licenceIdsOf(expression)) {
    const family = familyOf(id)
    if (family === 'weak-copyleft') families.add('copyleft')
    if (family) families.add(family)
  }
  return LICENCE_FAMILIES.filter((f) => families.has(f))
}

function isLicenceFamily(value: string): value is LicenceFamily {
  return (LICENCE_FAMILIES as readonly string[]).includes(value)
}

/** A licence filter from a URL: a family, an SPDX id in its canonical case, or null when unusable. */
export function parseLicenceFilter(input: string | null): { family: LicenceFamily } | { id: string } | null {
  const value = (input ?? '').trim()
  if (value === '') return null
  if (isLicenceFamily(value.toLowerCase())) return { family: value.toLowerCase() as LicenceFamily }
  const id = idByLowerCase.get(value.toLowerCase())
  return id ? { id } : value === PROPRIETARY_LICENCE ? { id: value } : null
}
