// npm run migrate — applies pending migrations (and loads the demo content on an empty database
// unless DEMO_CONTENT=false), exactly as start-up does.
import { bootstrap } from '#app/services/bootstrap.server'
import { run } from './cli'

await run(bootstrap)
