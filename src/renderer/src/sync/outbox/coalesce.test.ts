import { describe, expect, it } from 'vitest'
import { nextStep } from './coalesce'
import type { Intent, QueuedIntent, ReplayState } from './intent'

let seq = 0
const queued = (intent: Intent, state: Partial<ReplayState> = {}): QueuedIntent => ({
  ...intent,
  seq: ++seq,
  status: 'pending',
  attempts: 0,
  createdAt: '2026-03-04T10:00:00.000Z',
  ...state,
})
const update = (changes: Record<string, string | null>, base: Record<string, string | null>, id = 5): Intent =>
  ({ kind: 'update', contactId: id, changes, base }) as Intent
const tags = (add: string[], remove: string[] = [], id = 5): Intent => ({ kind: 'tags', contactId: id, add, remove })
const create = (id = -1): Intent => ({ kind: 'create', contactId: id, fields: { name: 'Ada', type: 'instagram' } })
const note = (id = 5): Intent => ({ kind: 'addNote', contactId: id, content: 'Called', noteId: -1 })

describe('coalescing a contact queue', () => {
  it('merges updates, later values winning and each field keeping its earliest base', () => {
    const rows = [queued(update({ name: 'B' }, { name: 'A' })), queued(note()), queued(update({ name: 'C', email: 'x@y.io' }, { name: 'B', email: null }))]
    const step = nextStep(rows)
    expect(step).toMatchObject({ kind: 'send', absorbed: [rows[2].seq], row: { seq: rows[0].seq, changes: { name: 'C', email: 'x@y.io' }, base: { name: 'A', email: null } } })
  })

  it('never folds an update that waits for other contacts into an earlier one, nor what follows it', () => {
    const waiting = { ...update({ phone: '+14155550111' }, { phone: '+14155550100' }), after: [7] } as Intent
    const rows = [queued(update({ name: 'B' }, { name: 'A' })), queued(waiting), queued(update({ name: 'C' }, { name: 'B' }))]
    expect(nextStep(rows)).toMatchObject({ kind: 'send', row: { seq: rows[0].seq, changes: { name: 'B' } }, absorbed: [] })
    // As the head, it takes later updates with it (they wait too) and keeps waiting.
    expect(nextStep(rows.slice(1))).toMatchObject({ kind: 'send', row: { changes: { phone: '+14155550111', name: 'C' }, after: [7] }, absorbed: [rows[2].seq] })
  })

  it('still sends a field set back to its base, so a server change meanwhile shows as a conflict', () => {
    const rows = [queued(update({ name: 'B' }, { name: 'A' })), queued(update({ name: 'A' }, { name: 'B' }))]
    expect(nextStep(rows)).toMatchObject({ kind: 'send', row: { changes: { name: 'A' }, base: { name: 'A' } }, absorbed: [rows[1].seq] })
  })

  it('folds updates and tag changes into a create', () => {
    const rows = [queued(create()), queued(update({ name: 'Ada L', phone: '+14155550100' }, { name: 'Ada', phone: null }, -1)), queued(tags(['vip'], [], -1))]
    const step = nextStep(rows)
    expect(step).toMatchObject({ kind: 'send', absorbed: [rows[1].seq, rows[2].seq] })
    expect(step?.kind === 'send' && step.row).toMatchObject({ fields: { name: 'Ada L', type: 'instagram', phone: '+14155550100', tags: ['vip'] } })
  })

  it('leaves a status change out of a create (POST has no status)', () => {
    const rows = [queued(create()), queued(update({ status: 'inactive' }, { status: 'active' }, -1))]
    expect(nextStep(rows)).toMatchObject({ kind: 'send', absorbed: [] })
  })

  it('cancels a create followed by a delete, with every intent of that contact', () => {
    const rows = [queued(create()), queued(note(-1)), queued({ kind: 'delete', contactId: -1 })]
    expect(nextStep(rows)).toEqual({ kind: 'cancel', seqs: rows.map((row) => row.seq) })
  })

  it('never merges into a sent intent, whose outcome is unknown', () => {
    const rows = [queued(create(), { sentAt: '2026-03-04T10:00:00.000Z' }), queued({ kind: 'delete', contactId: -1 })]
    expect(nextStep(rows)).toEqual({ kind: 'send', row: rows[0], absorbed: [] })
    const updates = [queued(update({ name: 'B' }, { name: 'A' }), { sentAt: 'x' }), queued(update({ name: 'C' }, { name: 'B' }))]
    expect(nextStep(updates)).toEqual({ kind: 'send', row: updates[0], absorbed: [] })
  })

  it.each([
    { name: 'add then remove cancels the add', rows: [tags(['a']), tags([], ['a'])], add: [], remove: ['a'] },
    { name: 'remove then add keeps the add', rows: [tags([], ['a']), tags(['a'])], add: ['a'], remove: [] },
    { name: 'adds accumulate', rows: [tags(['a']), tags(['b'])], add: ['a', 'b'], remove: [] },
  ])('combines tag changes: $name', ({ rows, add, remove }) => {
    const step = nextStep(rows.map((row) => queued(row)))
    expect(step?.kind === 'send' && { add: step.row.kind === 'tags' && step.row.add, remove: step.row.kind === 'tags' && step.row.remove }).toEqual({ add, remove })
  })

  it('keeps only the last wanted blacklist state', () => {
    const rows = [queued({ kind: 'setBlacklisted', contactId: 5, blacklisted: true }), queued({ kind: 'setBlacklisted', contactId: 5, blacklisted: false })]
    expect(nextStep(rows)).toMatchObject({ kind: 'send', row: { blacklisted: false }, absorbed: [rows[1].seq] })
  })

  it('merges nothing across a delete', () => {
    const rows = [queued(update({ name: 'B' }, { name: 'A' })), queued({ kind: 'delete', contactId: 5 }), queued(update({ name: 'C' }, { name: 'B' }))]
    expect(nextStep(rows)).toMatchObject({ kind: 'send', absorbed: [] })
  })

  it('blocks the contact behind a parked head', () => {
    const rows = [queued(update({ name: 'B' }, { name: 'A' }), { status: 'conflict' }), queued(note())]
    expect(nextStep(rows)).toEqual({ kind: 'blocked', row: rows[0] })
    expect(nextStep([])).toBeNull()
  })
})
