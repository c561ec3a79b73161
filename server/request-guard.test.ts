import { describe, expect, it } from 'vitest'
import { matchRoutes, routeMethods } from './request-guard'

const route = (id: string, path: string | undefined, module: Record<string, unknown>, index = false) => ({ id, parentId: 'root', path, index, module })
const loader = () => null
const build = {
  routes: {
    root: { id: 'root', path: '', module: { loader, default: loader } },
    'routes/_index': route('routes/_index', undefined, { loader, default: loader }, true),
    'routes/pages._index': route('routes/pages._index', 'pages', { loader, default: loader }, true),
    'routes/pages.new': route('routes/pages.new', 'pages/new', { loader, action: loader, default: loader }),
    'routes/pages.$slug._index': route('routes/pages.$slug._index', 'pages/:slug', { loader, default: loader }, true),
    'routes/pages.$slug.history[.]atom': route('routes/pages.$slug.history[.]atom', 'pages/:slug/history.atom', { loader }),
    'routes/api.v1.lint': route('routes/api.v1.lint', 'api/v1/lint', { action: loader, handle: { methods: ['POST'] } }),
    'routes/$': route('routes/$', '*', { loader, default: loader }),
  },
} as never

const routes = routeMethods(build)
const methodsAt = (path: string) => [...new Set(matchRoutes(routes, path).flatMap((r) => r.methods))]

describe('matchRoutes', () => {
  it.each([
    ['/', ['GET', 'HEAD']],
    ['/pages', ['GET', 'HEAD']],
    ['/pages/', ['GET', 'HEAD']],
    ['/PAGES/new', ['GET', 'HEAD', 'POST']],
    ['/pages/new.data', ['GET', 'HEAD', 'POST']],
    ['/pages/teams', ['GET', 'HEAD']],
    ['/pages/teams/history.atom', ['GET', 'HEAD']],
    ['/api/v1/lint', ['POST']],
    ['/_root.data', ['GET', 'HEAD']],
  ])('%s takes %o', (path, methods) => {
    expect(methodsAt(path)).toEqual(methods)
  })

  it('ranks a static segment above a dynamic one, and both above the splat', () => {
    expect(matchRoutes(routes, '/pages/new')[0]!.segments).toEqual(['pages', 'new'])
    expect(matchRoutes(routes, '/pages/other')[0]!.segments).toEqual(['pages', ':slug'])
    expect(matchRoutes(routes, '/pages/a/b/c')[0]!.segments).toEqual(['*'])
    expect(matchRoutes(routes, '/pages//x')[0]!.segments).toEqual(['*'])
  })

  it('tells API routes from the splat that catches unknown /api/ paths', () => {
    expect(matchRoutes(routes, '/api/v1/lint')[0]!.api).toBe(true)
    expect(matchRoutes(routes, '/api/v1/nope')[0]!.api).toBe(false)
  })
})
