import { describe, expect, it } from 'vitest'
import { contentHideRefusal, movedPath, parseVisibilityChange, slugOfPagePath, validateMoveTarget } from './moves'
import { can } from './permissions'

describe('validateMoveTarget', () => {
  it.each([
    ['new-name', true, null],
    ['  new-name ', true, null],
    ['', false, 'required'],
    ['Bad Slug!', false, 'invalid_slug'],
    ['double--dash', false, 'invalid_slug'],
    ['-leading', false, 'invalid_slug'],
    ['new', false, 'reserved'],
    ['old', false, 'same'],
    ['a'.repeat(81), false, 'too_long'],
  ])('%s → ok %s (%s)', (to, ok, code) => {
    const result = validateMoveTarget('old', to)
    expect(result.ok).toBe(ok)
    if (!result.ok) expect(result.issues[0]!.code).toBe(code)
  })
})

describe('parseVisibilityChange', () => {
  it('accepts listed reasons, requires a note for "other", takes free text as the note', () => {
    expect(parseVisibilityChange({ hide: ['content', 'summary', 'content'], reason: 'libel' })).toEqual({ ok: true, value: { hide: ['content', 'summary'], reason: 'libel', note: '' } })
    expect(parseVisibilityChange({ hide: 'summary', reason: 'personal-data', note: ' an address ' })).toEqual({ ok: true, value: { hide: ['summary'], reason: 'personal-data', note: 'an address' } })
    expect(parseVisibilityChange({ hide: [], reason: 'other' })).toMatchObject({ ok: false, issues: [{ path: 'note', code: 'required' }] })
    expect(parseVisibilityChange({ hide: ['content'], reason: 'a court order' })).toEqual({ ok: true, value: { hide: ['content'], reason: 'other', note: 'a court order' } })
    expect(parseVisibilityChange({ hide: ['title'], reason: 'libel' })).toMatchObject({ ok: false, issues: [{ code: 'invalid_field' }] })
    expect(parseVisibilityChange({ hide: ['content'], reason: '' })).toMatchObject({ ok: false, issues: [{ path: 'reason', code: 'required' }] })
  })
})

describe('contentHideRefusal', () => {
  it('refuses the current revision only', () => {
    expect(contentHideRefusal({ id: 'B' }, { latestRevisionId: 'B' })).toMatch(/current revision/)
    expect(contentHideRefusal({ id: 'A' }, { latestRevisionId: 'B' })).toBeNull()
  })
})

describe('movedPath', () => {
  it.each([
    ['/pages/old', '', '/pages/new'],
    ['/pages/old/history', '', '/pages/new/history'],
    ['/pages/old/history.atom', '', '/pages/new/history.atom'],
    ['/pages/old/diff', '?from=A&to=B', '/pages/new/diff?from=A&to=B'],
    ['/pages/old/sources.csv', '', '/pages/new/sources.csv'],
    ['/products/old/edit', '', '/products/new/edit'],
    ['/alternatives/old', '?license=copyleft', '/alternatives/new?license=copyleft'],
    ['/api/v1/pages/old/revisions', '', '/api/v1/pages/new/revisions'],
    ['/api/v1/products/old', '', '/api/v1/products/new'],
    ['/talk/page/old', '', '/talk/page/new'],
    ['/api/v1/talk/product/old', '', '/api/v1/talk/product/new'],
  ])('%s%s → %s', (path, search, expected) => {
    expect(movedPath(path, search, 'new')).toBe(expected)
  })
  it('leaves other paths alone', () => {
    expect(slugOfPagePath('/sources/old')).toBeNull()
    expect(slugOfPagePath('/pages')).toBeNull()
    expect(slugOfPagePath('/pages/%E0%A4%A')).toBeNull()
  })
})

describe('who may move, hide, read hidden text and delete', () => {
  const as = (role: 'editor' | 'trusted' | 'moderator' | 'admin') => ({ role, blockedUntil: null })
  it.each([
    ['page.move', ['trusted', 'moderator', 'admin']],
    ['revision.hide', ['moderator', 'admin']],
    ['revision.readHidden', ['admin']],
    ['revision.unhide', ['admin']],
    ['page.delete', ['admin']],
  ] as const)('%s: %o', (action, allowed) => {
    for (const role of ['editor', 'trusted', 'moderator', 'admin'] as const) expect(can(as(role), action), role).toBe((allowed as readonly string[]).includes(role))
    expect(can(null, action)).toBe(false)
    expect(can({ role: 'admin', blockedUntil: '2999-01-01T00:00:00Z' }, action)).toBe(false)
  })
})
