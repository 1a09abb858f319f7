// Undoing a bulk action: intents not sent yet are dropped (and their local effect reverted), sent ones get an inverse (undo-step.ts).
import type { Result } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import type { IntentInput } from '../../sync/outbox'
import { planFor, type BulkAction, type BulkOutcome } from './bulk-actions'
import { inverseOfIntent, undoStep, type Before, type UndoOutcome } from './undo-step'

/** The intents that put a synced contact back; null when the API cannot (list and segment additions). */
export function inverseOf(before: Before, action: BulkAction): IntentInput[] | null {
  const plan = planFor(before, action)
  if (!('intents' in plan)) return []
  const inverses: IntentInput[] = []
  for (const intent of plan.intents) {
    const inverse = inverseOfIntent(intent, before.id, before)
    if (inverse === null) return null
    inverses.push(...inverse)
  }
  return inverses
}

export function undoBulk(db: ContactsDb, outcome: BulkOutcome): Promise<Result<UndoOutcome>> {
  return undoStep(db, { intents: outcome.intents, before: new Map(outcome.changed.map((before) => [before.id, before])) })
}
