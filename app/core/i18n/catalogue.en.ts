/**
 * Every English UI string: the base catalogue (en.ts) and each feature's module under features/,
 * merged in this order. English is the reference: `Messages` is this object's type, and the German
 * and French catalogues (catalogue.de.ts, catalogue.fr.ts) must have it, so a key or a feature
 * forgotten there is a compile error. To add a feature, import it in all three files.
 *
 * One module per language so that the browser loads only its own (decision 035): the server holds
 * all three (catalogues.ts); the build gives each feature module one copy per language, from
 * which only that language's strings survive (scripts/vite-catalogue-plugin.ts).
 */
import { en as base } from './en'
import { en as reader } from './features/reader'
import { en as search } from './features/search'
import { en as account } from './features/account'
import { en as moderation } from './features/moderation'
import { en as sources } from './features/sources'
import { en as saveNotice } from './features/save-notice'
import { en as history } from './features/history'
import { en as talk } from './features/talk'
import { en as mail } from './features/mail'
import { en as outage } from './features/outage'
import { en as reading } from './features/reading'
import { en as securityEvents } from './features/security-events'
import { en as products } from './features/products'
import { en as moves } from './features/moves'
import { en as metrics } from './features/metrics'
import { en as claims } from './features/claims'

export const messages = { ...base, ...reader, ...search, ...account, ...moderation, ...sources, ...saveNotice, ...history, ...talk, ...mail, ...outage, ...reading, ...securityEvents, ...products, ...moves, ...metrics, ...claims }

export type Messages = typeof messages
