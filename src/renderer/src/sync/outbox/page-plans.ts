// The page-rebase plans, kept durably beside the queue (the mirror's meta table), so a sweep resumes after a restart.
import type { ContactsDb } from '../../db/database'
import type { BatchRow } from './intent'
import { afterPage, joinPlan, type PagePlan, type PageRead } from './page-plan'

const PAGE_PLANS = 'outbox.pagePlans'

/** Intents a page row can rebase: those that otherwise GET the contact first. */
export const REBASED_FROM_ROWS: ReadonlySet<string> = new Set(['tags', 'setBlacklisted', 'update'])

/** One page read must save at least one GET: a bulk edit of fewer contacts rebases them one by one. */
const MIN_TARGETS = 2

export async function pagePlans(db: ContactsDb): Promise<PagePlan[]> {
  return ((await db.meta.get(PAGE_PLANS))?.value ?? []) as PagePlan[]
}

const save = (db: ContactsDb, plans: readonly PagePlan[]) => db.meta.put({ key: PAGE_PLANS, value: plans })

/** A bulk edit that says where its contacts came from joins that query's plan; runs in the caller's transaction (meta). */
export async function planBatch(db: ContactsDb, batch: BatchRow): Promise<void> {
  if (!batch.pages) return
  const targets = batch.intents.filter((intent) => REBASED_FROM_ROWS.has(intent.kind)).length
  if (targets < MIN_TARGETS) return
  const seqs = { first: batch.firstSeq, last: batch.firstSeq + batch.intents.length - 1 }
  await save(db, joinPlan(await pagePlans(db), batch.pages, seqs, targets))
}

/** Changes one plan as stored now (bulk edits may have joined it meanwhile); null drops it. */
async function updatePlan(db: ContactsDb, id: number, change: (plan: PagePlan) => PagePlan | null): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const plans = await pagePlans(db)
    await save(
      db,
      plans.flatMap((plan) => (plan.id === id ? (change(plan) ?? []) : [plan])),
    )
  })
}

export const recordPage = (db: ContactsDb, id: number, read: PageRead) => updatePlan(db, id, (plan) => afterPage(plan, read))

export const backOffPlan = (db: ContactsDb, id: number, notBefore: number) =>
  updatePlan(db, id, (plan) => ({ ...plan, attempts: plan.attempts + 1, notBefore }))

export const dropPlan = (db: ContactsDb, id: number) => updatePlan(db, id, () => null)
