import { afterEach, describe, expect, it } from 'vitest'
import type { Contact } from '../../shared/contact'
import { editAsOtherUser } from './other-user'
import { mulberry32 } from '../prng'
import { seedContacts } from '../seed'
import { startSandbox, type Sandbox } from './knobbed-sandbox'
import { SandboxStore } from '../store'
import { testClient } from '../test-support/test-client'

const freshStore = (): SandboxStore => new SandboxStore(seedContacts(300, 4))

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

describe('editAsOtherUser', () => {
  it('renames, retags, toggles, creates and deletes contacts', () => {
    const store = freshStore()
    const before = new Map(store.all().map((contact) => [contact.id, contact]))
    editAsOtherUser(store, mulberry32(1), 200)
    const after = store.all()
    const survivors = after.filter((contact) => before.has(contact.id))
    const changed = (test: (old: Contact, now: Contact) => boolean): boolean =>
      survivors.some((contact) => test(before.get(contact.id) as Contact, contact))
    expect(changed((old, now) => old.name !== now.name)).toBe(true)
    expect(changed((old, now) => old.tags.join() !== now.tags.join())).toBe(true)
    expect(changed((old, now) => old.blacklisted !== now.blacklisted)).toBe(true)
    expect(after.some((contact) => contact.id > 300)).toBe(true)
    expect(survivors.length).toBeLessThan(300)
  })

  it('makes the same edits for the same seed', () => {
    const [first, second] = [freshStore(), freshStore()]
    editAsOtherUser(first, mulberry32(8), 100)
    editAsOtherUser(second, mulberry32(8), 100)
    const stable = (store: SandboxStore) => store.all().map(({ updated_at: _u, created_at: _c, ...rest }) => rest)
    expect(stable(first)).toEqual(stable(second))
  })

  it('keeps phones unique while creating', () => {
    const store = freshStore()
    editAsOtherUser(store, mulberry32(2), 500)
    const phones = store.all().flatMap((contact) => (contact.phone ? [contact.phone] : []))
    expect(new Set(phones).size).toBe(phones.length)
  })
})

describe('the other user of a running sandbox', () => {
  it('edits on demand, visibly over HTTP', async () => {
    sandbox = await startSandbox({ contacts: 40, seed: 6 })
    const api = testClient(sandbox)
    const before = (await api.get('/api/v1/contacts?per_page=100')).body
    sandbox.editAsOtherUser(30)
    const after = (await api.get('/api/v1/contacts?per_page=100')).body
    expect(after).not.toEqual(before)
  })

  it('edits on a timer at the live rate, and stops when the rate is 0', async () => {
    sandbox = await startSandbox({ contacts: 40, seed: 6, knobs: { otherUserEditsPerSecond: 100 } })
    const initial = JSON.stringify(sandbox.store.all())
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(JSON.stringify(sandbox.store.all())).not.toBe(initial)
    sandbox.knobs.otherUserEditsPerSecond = 0
    await new Promise((resolve) => setTimeout(resolve, 100))
    const paused = JSON.stringify(sandbox.store.all())
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(JSON.stringify(sandbox.store.all())).toBe(paused)
  })
})
