import os from 'node:os'
import type { Kysely } from 'kysely'
import nodemailer, { type Transporter } from 'nodemailer'
import { config } from '#app/infra/config.server'
import { log } from '#app/infra/logger.server'
import type { DB } from '#app/models/db.server'
import { newId } from '#app/models/ids.server'
import { claimJob, completeJob, enqueueJobs, failJob } from '#app/models/jobs.server'
import type { Database } from '#db/schema'

/** A mail as queued: plain text, with the headers it needs (List-Unsubscribe). */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  headers?: Record<string, string>
}

const SEND_MAIL = 'send-mail'
const MAX_ATTEMPTS = 10

/**
 * Queues a mail in the job table, in the caller's transaction: it is sent only if what caused it
 * commits, never inside the request, and a mail server that is down loses nothing — the job waits
 * and is tried again (docs/decisions/025-mail.md).
 */
export async function enqueueMail(db: DB, mail: OutgoingMail): Promise<void> {
  await enqueueJobs(db, [{ kind: SEND_MAIL, dedupeKey: null, payload: mail }])
  wakeMailers()
}

export type SendMail = (mail: OutgoingMail & { messageId: string }) => Promise<void>

/** nodemailer over SMTP_URL, or — without one — the log, so a fresh install works and shows what it would send. */
function createMailTransport(): SendMail {
  if (!config.mail.smtpUrl) {
    return async (mail) => log('info', 'mail (no SMTP_URL: written to the log)', { to: mail.to, subject: mail.subject, text: mail.text })
  }
  const transporter: Transporter = nodemailer.createTransport(config.mail.smtpUrl)
  return async (mail) => {
    await transporter.sendMail({ from: config.mail.from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers, messageId: mail.messageId })
  }
}

/**
 * Sends what is due, one job at a time, until the queue is empty. A job is completed only after
 * the server accepted the mail; a failure is retried with a doubling delay. The job id is the
 * Message-ID, so in the rare crash between "accepted" and "completed" a resent mail is
 * recognisable as the same one.
 */
async function deliverDueMail(db: Kysely<Database>, send: SendMail, workerId: string): Promise<{ sent: number; failed: number }> {
  let sent = 0
  let failed = 0
  for (;;) {
    const job = await claimJob(db, { kinds: [SEND_MAIL], workerId, lockMs: 120_000 })
    if (!job) return { sent, failed }
    const mail = job.payload as OutgoingMail
    try {
      await send({ ...mail, messageId: `<${job.id}@sourced>` })
      await completeJob(db, job.id, workerId)
      sent++
    } catch (error) {
      failed++
      const retry = job.attempts < MAX_ATTEMPTS ? new Date(Date.now() + config.mail.retrySeconds * 1000 * 2 ** (job.attempts - 1)) : null
      await failJob(db, job.id, workerId, error instanceof Error ? error.message : String(error), retry)
      log('warn', 'mail not delivered; will retry', { job: job.id, attempts: job.attempts, retry: retry?.toISOString() ?? null, error: error instanceof Error ? error.message : String(error) })
      // The server is likely down: the rest waits for the next pass instead of failing one by one.
      return { sent, failed }
    }
  }
}

const wakers = new Set<() => void>()
function wakeMailers(): void {
  for (const wake of wakers) wake()
}

export interface RunningMailer {
  stop(): Promise<void>
}

/**
 * The in-process mail sender: a pass every MAIL_POLL_SECONDS, and at once when a mail is queued
 * here. `beforeEachPass` queues what is due on a schedule (the daily digests).
 */
export function startMailer(db: Kysely<Database>, options: { send?: SendMail; beforeEachPass?: (db: Kysely<Database>) => Promise<unknown> } = {}): RunningMailer {
  const send = options.send ?? createMailTransport()
  const workerId = `mailer:${os.hostname()}:${process.pid}:${newId()}`
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  let again = false
  let timer: NodeJS.Timeout | undefined
  const pass = () => {
    if (stopped) return
    again = true
    running = running.then(async () => {
      if (!again || stopped) return
      again = false
      try {
        await options.beforeEachPass?.(db)
        await deliverDueMail(db, send, workerId)
      } catch (error) {
        log('error', 'mail pass failed', { error })
      }
    })
  }
  // Woken by a save in this process; the short delay lets its transaction commit first.
  const wake = () => setTimeout(pass, 50).unref()
  wakers.add(wake)
  timer = setInterval(pass, config.mail.pollSeconds * 1000)
  timer.unref()
  pass()
  return {
    async stop() {
      stopped = true
      wakers.delete(wake)
      if (timer) clearInterval(timer)
      timer = undefined
      await running
    },
  }
}
