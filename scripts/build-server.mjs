// Bundles server/index.ts (the node:http server around the Remix build) into build/server.js.
// Packages stay external; the Remix build itself is loaded at run time from build/server/.
import { build } from 'esbuild'

await build({
  entryPoints: ['server/index.ts'],
  outfile: `${process.env.BUILD_DIR ?? 'build'}/server.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
