// The ceiling for anonymous reads: bare node:http answering with the page's bytes held in memory,
// and 304 when If-None-Match carries the tag — what any Node server must do at the least. Bytes,
// not a string: a page with a few characters outside Latin-1 (« », —, ’) makes V8 keep the whole
// string in two-byte form, and node:http then writes it about 7 times slower.
// usage: node scripts/bench/baseline-server.mjs FILE PORT ETAG   (binds 127.0.0.1 only)
import fs from 'node:fs'
import http from 'node:http'

const [file, port, etag] = process.argv.slice(2)
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
  .listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'))
