// Merges one duplicate group through the outbox: the others' notes read first (the server's when it answers), then one queued step that undo takes back.
import type { ContactRow } from '../../../../shared/contact'
import { fail, ok, type Result } from '../../../../shared/result'
import { callBridge } from '../../bridge'
import type { ContactsDb } from '../../db/database'
import { enqueueMany } from '../../sync/outbox'
import { t } from '../../i18n'
import type { Before, UndoableStep } from '../bulk'
import { mergeIntents, planMerge, type MergeChoice } from '../../contact-match/merge-plan'

export interface MergeDone {
  survivor: ContactRow
  merged: number
  step: UndoableStep
  /** "Merged 2 contacts into Grace Hopper", in the language of the moment it is shown. */
  label: () => string
  /** Members whose notes SkyLight could not tell (offline): only the notes on this device were copied. */
  notesUnread: number
}

interface NoteText {
  content: string
  at: string
}

/** A member's notes, oldest first: the server's list when it answers, plus the ones still queued here. */
async function notesOf(db: ContactsDb, id: number): Promise<{ notes: string[]; read: boolean }> {
  const local = await db.notes.where('contactId').equals(id).toArray()
  const queued: NoteText[] = local.filter((note) => note.id < 0).map((note) => ({ content: note.content, at: note.created_at ?? '' }))
  let kept: NoteText[] = local.filter((note) => note.id > 0).map((note) => ({ content: note.content, at: note.created_at ?? '' }))
  let read = id < 0
  if (id > 0) {
    const server = await callBridge('notes.list', { id })
    if (server.ok) {
      kept = server.data.map((note) => ({ content: note.content, at: note.created_at ?? '' }))
      read = true
    }
  }
  return { notes: [...kept, ...queued].sort((a, b) => a.at.localeCompare(b.at)).map((note) => note.content), read }
}

/**
 * `ids` are the group's members as the screen showed them; they are read again here, so an edit
 * made meanwhile is merged as it is now. Fails when fewer than two of them are left.
 */
export async function mergeGroup(db: ContactsDb, ids: readonly number[], choice: MergeChoice): Promise<Result<MergeDone>> {
  const members = (await db.contacts.bulkGet([...ids])).filter((row): row is ContactRow => row !== undefined)
  const survivor = members.find((member) => member.id === choice.survivorId)
  if (members.length < 2 || !survivor) return fail({ kind: 'not_found', message: t('duplicates.merge.changed') })
  const notes = new Map<number, string[]>()
  let notesUnread = 0
  for (const member of members) {
    if (member.id === survivor.id) continue
    const read = await notesOf(db, member.id)
    notes.set(member.id, read.notes)
    if (!read.read) notesUnread++
  }
  const plan = planMerge(members, choice, (id) => notes.get(id) ?? [])
  const inputs = mergeIntents(plan)
  const queued = await enqueueMany(db, inputs)
  if (!queued.ok) return queued
  // A deleted member is created again by undo, notes and all, once its delete has synced.
  const before = new Map<number, Before>(members.map((member) => [member.id, notes.has(member.id) ? { ...member, notes: notes.get(member.id) } : member]))
  const step: UndoableStep = { intents: queued.data.map((item, i) => ({ seq: item.seq, contactId: item.contactId, input: inputs[i]! })), before }
  const label = () => t('duplicates.merge.done', { count: members.length, name: survivor.name ?? t('duplicates.contact', { id: String(survivor.id) }) })
  return ok({ survivor, merged: members.length, step, label, notesUnread })
}
