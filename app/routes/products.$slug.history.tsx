// A product's history is its page's history (decision 019): same revisions, same view.
export { handle, loader, meta, ErrorBoundary, default } from './pages.$slug.history'
