import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { intentInput } from '../sync/outbox'
import { defaultMergeChoice, mergeIntents, pickSurvivor, planMerge } from './merge-plan'

const anna: ContactRow = { id: 10, name: 'Anna Schmidt', phone: '+491711234567', email: null, type: 'whatsapp', status: 'active', blacklisted: false, tags: ['vip', 'client'], created_at: '2026-01-01T00:00:00.000000Z' }
const annaMail: ContactRow = { id: 11, name: 'Anna S.', phone: null, email: 'anna@example.de', type: 'instagram', status: 'active', blacklisted: true, tags: ['fair', 'vip'], created_at: '2026-02-01T00:00:00.000000Z' }
const annaOffline: ContactRow = { id: -3, name: 'Anna', phone: '+491711234567', email: 'anna@work.example', type: 'whatsapp', status: 'active', blacklisted: false, tags: ['x', 'y', 'z'] }
const notes: Record<number, string[]> = { 11: ['Met at the fair', '   '], [-3]: ['Offline note'] }
const notesOf = (id: number) => notes[id] ?? []

describe('merging a duplicate group', () => {
  it('picks as the survivor a contact the server knows, then the fullest, then the most tagged, then the oldest', () => {
    // The offline one is fullest and most tagged, but has no server id yet.
    expect(pickSurvivor([annaOffline, annaMail, anna]).id).toBe(10)
    expect(pickSurvivor([annaMail, { ...anna, email: 'a@b.de', created_at: '2026-03-01T00:00:00.000000Z' }]).id).toBe(10)
    expect(pickSurvivor([anna, { ...annaMail, tags: ['a', 'b', 'c'] }]).id).toBe(11)
    expect(pickSurvivor([{ ...annaMail, created_at: '2025-12-31T00:00:00.000000Z' }, anna]).id).toBe(11)
  })

  it("keeps the survivor's values and fills its empty ones from the others by default", () => {
    expect(defaultMergeChoice([anna, annaMail])).toEqual({ survivorId: 10, keep: { name: 10, phone: 10, email: 11, type: 10, status: 10 } })
  })

  it('unites tags, blacklists if any was, copies the others\' notes, deletes the others, then updates the survivor', () => {
    const plan = planMerge([anna, annaMail, annaOffline], defaultMergeChoice([anna, annaMail, annaOffline]), notesOf)
    expect(plan).toEqual({
      survivorId: 10,
      first: [
        { kind: 'setBlacklisted', contactId: 10, blacklisted: true },
        { kind: 'addTags', contactId: 10, tags: ['fair', 'x', 'y', 'z'] },
        { kind: 'addNote', contactId: 10, content: 'Met at the fair' },
        { kind: 'addNote', contactId: 10, content: 'Offline note' },
      ],
      deletes: [
        { kind: 'delete', contactId: 11 },
        { kind: 'delete', contactId: -3 },
      ],
      afterDeletes: [{ kind: 'update', contactId: 10, changes: { email: 'anna@example.de' }, after: [11, -3] }],
    })
    for (const intent of mergeIntents(plan)) expect(intentInput.safeParse(intent).success).toBe(true)
  })

  it("takes the user's per-field choice, a cleared email included, and the phone of a member it deletes", () => {
    const members = [anna, { ...annaMail, phone: '+4915199999999' }]
    const plan = planMerge(members, { survivorId: 10, keep: { name: 11, phone: 11, email: 10, type: 11, status: 10 } }, notesOf)
    expect(plan.afterDeletes).toEqual([{ kind: 'update', contactId: 10, changes: { name: 'Anna S.', phone: '+4915199999999', type: 'instagram' }, after: [11] }])
  })

  it('needs no update, blacklist or tags when the survivor already has everything', () => {
    const plan = planMerge([anna, { ...anna, id: 12, created_at: undefined }], defaultMergeChoice([anna, { ...anna, id: 12 }]), () => [])
    expect(plan).toEqual({ survivorId: 10, first: [], deletes: [{ kind: 'delete', contactId: 12 }], afterDeletes: [] })
  })

  it('refuses a survivor outside the group (a bug in the caller)', () => {
    expect(() => planMerge([anna], { survivorId: 99, keep: defaultMergeChoice([anna]).keep }, notesOf)).toThrow(/not in the group/)
  })
})
