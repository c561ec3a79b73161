// npm run migrate — applies pending migrations (and loads the demo content on an empty database
// unless DEMO_CONTENT=false), exactly as start-up does, without the background jobs: the mailer
// would outlive the database this command closes when it is done.
import { bootstrap } from '#app/services/bootstrap.server'
import { run } from './cli'

await run(() => bootstrap({ backgroundJobs: false }))
