// Saves a submitted contact form through the outbox: a create under a new temporary id, or an edit as update and tag intents.
import { fail, ok, type Result } from '../../../../shared/result'
import type { ContactCreate, ContactPatch, ContactRow } from '../../../../shared/contact'
import type { ContactsDb } from '../../db/database'
import { contactRows, editIntent, enqueue, enqueueMany, type IntentOf, intentsForEdit, swappedIds } from '../../sync/outbox'
import type { ContactSubmission } from './form-output'
import { t } from '../../i18n'

export interface SavedContact {
  /** The contact's id: a new temporary (negative) one for a create. */
  contactId: number
  /** How many intents were queued; 0 when the edit changed nothing. */
  queued: number
}

/**
 * Applies the change to the mirror at once and queues it, in one transaction (the update and its
 * tag changes land together or not at all). Refusals come back as `validation` errors whose field
 * keys `formErrorsOf` places on the form.
 */
export async function saveContact(db: ContactsDb, submission: ContactSubmission, now: Date = new Date()): Promise<Result<SavedContact>> {
  if (submission.mode === 'create') {
    // enqueue hands out the temporary id itself, inside the same transaction as the row it names.
    const queued = await enqueue(db, { kind: 'create', fields: submission.fields }, now)
    return queued.ok ? ok({ contactId: queued.data.contactId, queued: 1 }) : queued
  }
  // The form may have opened on a temporary id that the replayer has since replaced.
  const id = submission.id < 0 ? ((await swappedIds(db)).get(submission.id) ?? submission.id) : submission.id
  const row = await db.contacts.get(id)
  if (!row) return fail({ kind: 'not_found', message: t('contact-form.save.gone') })
  const refusedCreate = await refusedCreateOf(db, id)
  if (refusedCreate) {
    // The server refused this contact's creation (422): the edit fixes that create and sends it again.
    const fixed = await editIntent(db, refusedCreate.seq, { fields: fixedFields(refusedCreate.fields, submission.patch, row) })
    return fixed.ok ? ok({ contactId: id, queued: 1 }) : fixed
  }
  const intents = intentsForEdit(row, submission.patch)
  if (intents.length === 0) return ok({ contactId: id, queued: 0 })
  const queued = await enqueueMany(db, intents, now)
  return queued.ok ? ok({ contactId: id, queued: queued.data.length }) : queued
}

async function refusedCreateOf(db: ContactsDb, id: number): Promise<(IntentOf<'create'> & { seq: number }) | null> {
  if (id > 0) return null
  const create = (await contactRows(db, id)).find((intent) => intent.kind === 'create')
  return create?.kind === 'create' && create.status === 'invalid' ? create : null
}

/** The refused create's fields with the form's changes (a cleared phone or email is left out). */
function fixedFields(fields: ContactCreate, patch: ContactPatch, row: ContactRow): ContactCreate {
  const next: Record<string, unknown> = { ...fields, tags: patch.tags ?? row.tags ?? fields.tags }
  for (const field of ['name', 'type', 'phone', 'email'] as const) {
    const value = patch[field]
    if (value === null) delete next[field]
    else if (value !== undefined) next[field] = value
  }
  if (Array.isArray(next.tags) && next.tags.length === 0) delete next.tags
  return next as ContactCreate
}
