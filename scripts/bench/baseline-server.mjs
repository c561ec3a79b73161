// The ceiling for anonymous reads: bare node:http answering with the page's bytes held in memory,
// and 304 when If-None-Match carries the tag — what any Node server must do at the least. Bytes,
// not a string: a page with a few characters outside Latin-1 (« », —, ’) makes V8 keep the whole
// string in two-byte form, and node:http then writes it about 7 times slower. WORKERS > 1 runs
// that many processes behind node:cluster, as the app does with WEB_CONCURRENCY.
// usage: node scripts/bench/baseline-server.mjs FILE PORT ETAG [WORKERS]   (binds 127.0.0.1 only)
import cluster from 'node:cluster'
import fs from 'node:fs'
import http from 'node:http'

const [file, port, etag, workers = '1'] = process.argv.slice(2)
if (cluster.isPrimary && Number(workers) > 1) {
  let listening = 0
  for (let i = 0; i < Number(workers); i++) {
    cluster.fork().on('listening', () => {
      if (++listening === Number(workers)) process.stdout.write('listening\n')
    })
  }
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill()
    process.exit(0)
  })
} else {
  const body = fs.readFileSync(file)
  http
    .createServer((req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag })
        res.end()
        return
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, etag })
      res.end(body)
    })
    .listen(Number(port), '127.0.0.1', () => {
      if (cluster.isPrimary) process.stdout.write('listening\n')
    })
}
