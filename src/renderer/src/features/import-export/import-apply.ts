// Carries out an import plan through the outbox: new contacts with their notes (one transaction a chunk), additions to contacts here, with progress; keeps what undo needs.
import type { ContactRow } from '../../../../shared/contact'
import { ok, type Result } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { errorText } from '../../sync/sync-errors'
import { enqueueMany, enqueueWithFollowUp, type IntentInput } from '../../sync/outbox'
import type { StepIntent, UndoableStep } from '../bulk'
import type { ImportPlan } from './import-plan'

/** Contacts (or intents) queued in one transaction: big enough to be fast, small enough for progress. */
export const IMPORT_CHUNK = 2000

export interface ImportOutcome {
  created: number
  /** Contacts here the file added to (tags, notes, empty fields). */
  merged: number
  /** Contacts to add to that were deleted while the preview was open: their rows were left out. */
  gone: number
  /** What Ctrl/⌘+Z takes back. */
  step: UndoableStep
  /** Why the import stopped before the end (the outbox refused a chunk); what was queued before stays. */
  stoppedBy: string | null
}

const contactOf = (intent: IntentInput): number | null => (intent.kind === 'create' ? null : intent.contactId)

/** `onProgress` hears how many of the contacts to create or add to are queued so far. */
export async function applyImport(db: ContactsDb, plan: ImportPlan, onProgress: (done: number, total: number) => void = () => {}): Promise<Result<ImportOutcome>> {
  const targets = [...new Set(plan.merges.flatMap((intent) => contactOf(intent) ?? []))]
  const rows = await db.contacts.bulkGet(targets)
  const before = new Map<number, ContactRow>()
  rows.forEach((row) => row && before.set(row.id, row))
  const merges = plan.merges.filter((intent) => before.has(contactOf(intent)!))
  const intents: StepIntent[] = []
  const outcome: ImportOutcome = { created: 0, merged: before.size, gone: targets.length - before.size, step: { intents, before }, stoppedBy: null }
  const total = plan.creates.length + before.size
  let done = 0
  const record = (inputs: readonly IntentInput[], queued: readonly { seq: number; contactId: number }[]) =>
    queued.forEach((item, i) => intents.push({ seq: item.seq, contactId: item.contactId, input: inputs[i]! }))

  for (let start = 0; start < plan.creates.length; start += IMPORT_CHUNK) {
    const chunk = plan.creates.slice(start, start + IMPORT_CHUNK)
    const creates: IntentInput[] = chunk.map((create) => ({ kind: 'create', fields: create.fields }))
    let notes: IntentInput[] = []
    // The notes go in the same transaction as their contacts: a crash cannot leave one without them.
    const queued = await enqueueWithFollowUp(db, creates, (made) => {
      notes = chunk.flatMap((create, i) => create.notes.map((content): IntentInput => ({ kind: 'addNote', contactId: made[i]!.contactId, content })))
      return notes
    })
    if (!queued.ok) return ok({ ...outcome, stoppedBy: errorText(queued.error) })
    record(creates, queued.data.queued)
    record(notes, queued.data.followed)
    outcome.created += chunk.length
    done += chunk.length
    onProgress(done, total)
  }
  for (let start = 0; start < merges.length; start += IMPORT_CHUNK) {
    const chunk = merges.slice(start, start + IMPORT_CHUNK)
    const queued = await enqueueMany(db, chunk)
    if (!queued.ok) return ok({ ...outcome, stoppedBy: errorText(queued.error) })
    record(chunk, queued.data)
    done = Math.min(total, done + new Set(chunk.map(contactOf)).size)
    onProgress(done, total)
  }
  onProgress(total, total)
  return ok(outcome)
}
