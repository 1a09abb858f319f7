// Turns the preview and the user's choices into outbox intents: creates for new rows, addTags / addNote / update for merges.
import type { ContactCreate, ContactRow } from '../../../../shared/contact'
import type { IntentInput } from '../../sync/outbox'
import type { Candidate } from './candidate'
import { effectiveChoice, type ImportChoices } from './import-choices'
import type { ImportPreview } from './import-preview'
import { uniqueTags } from './tag-split'

/** A contact to create, and the notes to add once the outbox has given it an id. */
export interface PlannedCreate {
  row: number
  fields: ContactCreate
  notes: string[]
}

export interface ImportPlan {
  creates: PlannedCreate[]
  /** Intents onto contacts already here: update (fields they have empty), addTags, addNote. */
  merges: IntentInput[]
  /** Row numbers by outcome, for the summary. */
  rows: { created: number[]; merged: number[]; skipped: number[]; invalid: number[] }
}

/** What merging into one existing contact adds up to, over every row merged into it. */
interface MergeInto {
  contact: ContactRow
  tags: string[]
  notes: string[]
  fill: { phone?: string; email?: string }
}

type Outcome = { kind: 'create'; create: PlannedCreate } | { kind: 'merge'; into: MergeInto } | { kind: 'skip' }

/**
 * A field the contact has empty is filled from the file; one it has is kept. A field missing from
 * a partial row is unknown, not empty (API-NOTES.md), so it is left alone.
 */
function fillEmpty(into: MergeInto, candidate: Candidate): void {
  const { phone, email } = candidate.create!
  if (phone && into.contact.phone === null && into.fill.phone === undefined) into.fill.phone = phone
  if (email && into.contact.email === null && into.fill.email === undefined) into.fill.email = email
}

function absorbIntoCreate(create: PlannedCreate, candidate: Candidate): void {
  const fields = candidate.create!
  const tags = uniqueTags([...(create.fields.tags ?? []), ...(fields.tags ?? [])])
  create.fields = {
    ...create.fields,
    ...(tags.length ? { tags } : {}),
    ...(!create.fields.email && fields.email ? { email: fields.email } : {}),
    ...(!create.fields.phone && fields.phone ? { phone: fields.phone } : {}),
  }
  if (candidate.draft.note) create.notes.push(candidate.draft.note)
}

function mergeIntents(into: MergeInto): IntentInput[] {
  const id = into.contact.id
  const intents: IntentInput[] = []
  if (Object.keys(into.fill).length) intents.push({ kind: 'update', contactId: id, changes: into.fill })
  const have = new Set(into.contact.tags ?? [])
  const added = into.tags.filter((tag) => !have.has(tag))
  if (added.length) intents.push({ kind: 'addTags', contactId: id, tags: added })
  for (const content of into.notes) intents.push({ kind: 'addNote', contactId: id, content })
  return intents
}

/**
 * Rows are taken in file order. A duplicate of an earlier row follows what that row became: merged
 * into its create, into the contact it merged into, or skipped with it. Several rows merging into one
 * contact give one addTags and one update for it.
 */
export function planImport(preview: ImportPreview, choices: ImportChoices): ImportPlan {
  const plan: ImportPlan = { creates: [], merges: [], rows: { created: [], merged: [], skipped: [], invalid: [] } }
  const outcomes = new Map<number, Outcome>()
  const intos = new Map<number, MergeInto>()
  const intoContact = (contact: ContactRow): MergeInto => {
    let into = intos.get(contact.id)
    if (!into) intos.set(contact.id, (into = { contact, tags: [], notes: [], fill: {} }))
    return into
  }
  const createRow = (candidate: Candidate): Outcome => {
    const create: PlannedCreate = { row: candidate.row, fields: candidate.create!, notes: candidate.draft.note ? [candidate.draft.note] : [] }
    plan.creates.push(create)
    return { kind: 'create', create }
  }
  const mergeRow = (into: MergeInto, candidate: Candidate): Outcome => {
    into.tags = uniqueTags([...into.tags, ...(candidate.create!.tags ?? [])])
    if (candidate.draft.note) into.notes.push(candidate.draft.note)
    fillEmpty(into, candidate)
    return { kind: 'merge', into }
  }

  for (const row of preview.rows) {
    const { candidate } = row
    let outcome: Outcome
    if (row.status === 'invalid') {
      plan.rows.invalid.push(candidate.row)
      continue
    } else if (row.status === 'new') outcome = createRow(candidate)
    else {
      const choice = effectiveChoice(choices, candidate.row, row.reason)
      if (choice === 'skip') outcome = { kind: 'skip' }
      else if (choice === 'create') outcome = createRow(candidate)
      else if (row.target.kind === 'existing') outcome = mergeRow(intoContact(row.target.contact), candidate)
      else {
        const earlier = outcomes.get(row.target.row) ?? { kind: 'skip' }
        if (earlier.kind === 'create') absorbIntoCreate(earlier.create, candidate)
        else if (earlier.kind === 'merge') mergeRow(earlier.into, candidate)
        outcome = earlier
      }
    }
    outcomes.set(candidate.row, outcome)
    const bucket = outcome.kind === 'create' && outcome.create.row === candidate.row ? plan.rows.created : outcome.kind === 'skip' ? plan.rows.skipped : plan.rows.merged
    bucket.push(candidate.row)
  }
  for (const into of intos.values()) plan.merges.push(...mergeIntents(into))
  return plan
}

/** The notes of the created contacts, once the outbox has given them ids (`createdIds[i]` is `plan.creates[i]`'s). */
export function notesForCreated(plan: ImportPlan, createdIds: readonly number[]): IntentInput[] {
  return plan.creates.flatMap((create, i) => create.notes.map((content): IntentInput => ({ kind: 'addNote', contactId: createdIds[i]!, content })))
}
