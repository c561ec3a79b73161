// A product is a page (decision 019): one move form serves both addresses.
export { action, default, ErrorBoundary, links, loader, meta } from './pages.$slug.move'
