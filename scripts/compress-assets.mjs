// Writes brotli (.br) and gzip (.gz) copies next to every compressible file of the client build,
// at the highest settings: they are made once and sent many times (sirv picks them by
// Accept-Encoding, server/index.ts). Files too small to gain anything are left alone.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const root = path.join(process.env.BUILD_DIR ?? 'build', 'client')
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|xml|webmanifest|html|map)$/
let files = 0
let before = 0
let after = 0
for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue
  const file = path.join(entry.parentPath ?? entry.path, entry.name)
  const body = fs.readFileSync(file)
  if (body.length < 1024) continue
  const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
  fs.writeFileSync(`${file}.br`, br)
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }))
  files++
  before += body.length
  after += br.length
}
if (process.env.LOG_LEVEL !== 'silent') process.stdout.write(`compressed ${files} client files: ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB brotli\n`)
