import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BlacklistState, Contact, ContactRow, Note } from '../shared/contact'
import { startSandbox, type Sandbox } from './faults/knobbed-sandbox'
import { foldForSearch } from './store'
import { testClient } from './test-support/test-client'

const COUNT = 200
let sandbox: Sandbox
let api: ReturnType<typeof testClient>

beforeAll(async () => {
  sandbox = await startSandbox({ contacts: COUNT, seed: 11 })
  api = testClient(sandbox)
})
afterAll(() => sandbox.close())

/** Seeded contacts matching a test, read from the store before the request under test. */
const seeded = (test: (contact: Contact) => boolean): Contact[] => sandbox.store.all().filter(test)

describe('GET /api/v1/contacts', () => {
  it('answers the envelope with 15 rows and page meta by default', async () => {
    const answer = await api.get<ContactRow[]>('/api/v1/contacts')
    expect(answer.status).toBe(200)
    expect(answer.body.success).toBe(true)
    expect(answer.body.data.map((row) => row.id)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1))
    expect(answer.body.meta).toEqual({ current_page: 1, last_page: Math.ceil(COUNT / 15), per_page: 15, total: COUNT })
  })

  it('clamps per_page to 100 and falls back to 15 for nonsense', async () => {
    const big = await api.get<ContactRow[]>('/api/v1/contacts?per_page=500')
    expect(big.body.meta.per_page).toBe(100)
    expect(big.body.data).toHaveLength(100)
    const nonsense = await api.get<ContactRow[]>('/api/v1/contacts?per_page=abc&page=-2')
    expect(nonsense.body.meta).toMatchObject({ per_page: 15, current_page: 1 })
  })

  it('pages in id order, with a short last page and empty pages beyond it', async () => {
    const second = await api.get<ContactRow[]>('/api/v1/contacts?page=2&per_page=30')
    expect(second.body.data[0]?.id).toBe(31)
    const last = await api.get<ContactRow[]>('/api/v1/contacts?page=7&per_page=30')
    expect(last.body.data.map((row) => row.id)).toEqual([181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200])
    expect(last.body.meta).toEqual({ current_page: 7, last_page: 7, per_page: 30, total: COUNT })
    const beyond = await api.get<ContactRow[]>('/api/v1/contacts?page=99&per_page=30')
    expect(beyond.status).toBe(200)
    expect(beyond.body.data).toEqual([])
    expect(beyond.body.meta).toEqual({ current_page: 99, last_page: 7, per_page: 30, total: COUNT })
  })

  it('filters by type', async () => {
    const answer = await api.get<ContactRow[]>('/api/v1/contacts?type=telegram&per_page=100')
    const expected = seeded((contact) => contact.type === 'telegram')
    expect(answer.body.meta.total).toBe(expected.length)
    expect(answer.body.data.map((row) => row.id)).toEqual(expected.slice(0, 100).map((contact) => contact.id))
  })

  it('filters by blacklisted true and false', async () => {
    const yes = await api.get<ContactRow[]>('/api/v1/contacts?blacklisted=true&per_page=100')
    const no = await api.get<ContactRow[]>('/api/v1/contacts?blacklisted=false&per_page=1')
    const blacklisted = seeded((contact) => contact.blacklisted)
    expect(blacklisted.length).toBeGreaterThan(0)
    expect(yes.body.data.map((row) => row.id)).toEqual(blacklisted.map((contact) => contact.id))
    expect(no.body.meta.total).toBe(COUNT - blacklisted.length)
  })

  it('filters by tag', async () => {
    const answer = await api.get<ContactRow[]>('/api/v1/contacts?tag=vip&per_page=100')
    const expected = seeded((contact) => contact.tags.includes('vip'))
    expect(expected.length).toBeGreaterThan(0)
    expect(answer.body.data.map((row) => row.id)).toEqual(expected.map((contact) => contact.id))
  })

  it('combines filters', async () => {
    const answer = await api.get<ContactRow[]>('/api/v1/contacts?type=whatsapp&blacklisted=false&tag=lead&per_page=100')
    const expected = seeded((contact) => contact.type === 'whatsapp' && !contact.blacklisted && contact.tags.includes('lead'))
    expect(answer.body.data.map((row) => row.id)).toEqual(expected.map((contact) => contact.id))
  })

  it('answers 422 for an unknown type or a non-boolean blacklisted', async () => {
    const answer = await api.get('/api/v1/contacts?type=fax&blacklisted=maybe')
    expect(answer.status).toBe(422)
    expect(answer.body.errors).toEqual({
      type: ['The selected type is invalid.'],
      blacklisted: ['The blacklisted field must be true or false.'],
    })
  })

  it('searches name, email and phone ignoring case and accents', async () => {
    const zoe = await api.post<Contact>('/api/v1/contacts', { name: 'Zoë Łukasiewicz', type: 'instagram', email: 'zl@example.com' })
    const byName = await api.get<ContactRow[]>('/api/v1/contacts?search=ZOE%20lukas&per_page=100')
    expect(byName.body.data.map((row) => row.id)).toContain(zoe.body.data.id)
    for (const row of byName.body.data) expect(foldForSearch(row.name ?? '')).toContain('zoe lukas')

    const withPhone = seeded((contact) => contact.phone !== null)[3] as Contact
    const digits = (withPhone.phone as string).slice(-7)
    const byPhone = await api.get<ContactRow[]>(`/api/v1/contacts?search=${digits}`)
    expect(byPhone.body.data.map((row) => row.id)).toContain(withPhone.id)

    const withEmail = seeded((contact) => contact.email !== null)[5] as Contact
    const byEmail = await api.get<ContactRow[]>(`/api/v1/contacts?search=${encodeURIComponent(withEmail.email as string)}`)
    expect(byEmail.body.data.map((row) => row.id)).toContain(withEmail.id)
  })

  it('searches non-Latin names', async () => {
    const cyrillic = seeded((contact) => /\p{Script=Cyrillic}/u.test(contact.name))[0] as Contact
    const firstWord = (cyrillic.name.split(' ')[0] as string).toLowerCase()
    const answer = await api.get<ContactRow[]>(`/api/v1/contacts?search=${encodeURIComponent(firstWord)}&per_page=100`)
    expect(answer.body.data.map((row) => row.id)).toContain(cyrillic.id)
  })

  it('sends partial rows by default and full rows when the knob says so', async () => {
    const partial = await api.get<ContactRow[]>('/api/v1/contacts?per_page=1')
    expect(Object.keys(partial.body.data[0] as ContactRow).sort()).toEqual(['blacklisted', 'id', 'name', 'phone', 'tags', 'type'])
    sandbox.knobs.rows = 'full'
    try {
      const full = await api.get<ContactRow[]>('/api/v1/contacts?per_page=1')
      expect(full.body.data[0]).toEqual(sandbox.store.get(1))
    } finally {
      sandbox.knobs.rows = 'partial'
    }
  })
})

describe('single contact routes', () => {
  it('gets the full contact', async () => {
    const answer = await api.get<Contact>('/api/v1/contacts/42')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ success: true, data: sandbox.store.get(42) })
  })

  it('answers 404 Contact not found for unknown and non-numeric ids', async () => {
    for (const path of ['/api/v1/contacts/999999', '/api/v1/contacts/abc', '/api/v1/contacts/999999/notes']) {
      const answer = await api.get(path)
      expect(answer.status).toBe(404)
      expect(answer.body).toEqual({ success: false, message: 'Contact not found.' })
    }
    const put = await api.put('/api/v1/contacts/999999', { name: 'Nobody' })
    expect(put.status).toBe(404)
  })

  it('updates only the fields sent and ignores unknown ones', async () => {
    const before = sandbox.store.get(43) as Contact
    const answer = await api.put<Contact>('/api/v1/contacts/43', { name: 'Sarah M. Johnson', tags: ['vip', 'priority'], favourite_colour: 'blue' })
    expect(answer.status).toBe(200)
    expect(answer.body.message).toBe('Contact updated successfully.')
    expect(answer.body.data).toEqual({ ...before, name: 'Sarah M. Johnson', tags: ['vip', 'priority'], updated_at: expect.any(String) })
    expect(answer.body.data.updated_at).not.toBe(before.updated_at)
    expect(answer.body.data).not.toHaveProperty('favourite_colour')
    expect(sandbox.store.get(43)).toEqual(answer.body.data)
  })

  it('updates status and clears an instagram contact phone', async () => {
    const instagram = seeded((contact) => contact.type === 'instagram' && contact.phone !== null)[0] as Contact
    const answer = await api.put<Contact>(`/api/v1/contacts/${instagram.id}`, { phone: null, status: 'inactive' })
    expect(answer.status).toBe(200)
    expect(answer.body.data).toMatchObject({ phone: null, status: 'inactive' })
  })

  it('deletes with 204 and no body, then answers 404', async () => {
    const total = sandbox.store.size()
    const answer = await api.delete('/api/v1/contacts/44')
    expect(answer.status).toBe(204)
    expect(answer.text).toBe('')
    expect((await api.get('/api/v1/contacts/44')).status).toBe(404)
    expect((await api.delete('/api/v1/contacts/44')).status).toBe(404)
    expect((await api.get<ContactRow[]>('/api/v1/contacts')).body.meta.total).toBe(total - 1)
  })

  it('toggles the blacklist on each call', async () => {
    const original = (sandbox.store.get(45) as Contact).blacklisted
    const first = await api.post<BlacklistState>('/api/v1/contacts/45/blacklist')
    expect(first.status).toBe(200)
    expect(first.body.data).toEqual({ id: 45, blacklisted: !original })
    const second = await api.post<BlacklistState>('/api/v1/contacts/45/blacklist')
    expect(second.body.data).toEqual({ id: 45, blacklisted: original })
    expect((await api.post<BlacklistState>('/api/v1/contacts/45/blacklist')).body.message).toBe(
      original ? 'Contact removed from blacklist successfully.' : 'Contact blacklisted successfully.',
    )
  })
})

describe('notes', () => {
  it('lists and adds notes', async () => {
    expect((await api.get<Note[]>('/api/v1/contacts/46/notes')).body).toEqual({ success: true, data: sandbox.store.notes(46) })
    const added = await api.post<Note>('/api/v1/contacts/46/notes', { content: 'Called today — interested in Pro plan.' })
    expect(added.status).toBe(201)
    expect(added.body.data).toEqual({ id: expect.any(Number), content: 'Called today — interested in Pro plan.', created_at: expect.any(String) })
    const listed = await api.get<Note[]>('/api/v1/contacts/46/notes')
    expect(listed.body.data.at(-1)).toEqual(added.body.data)
  })

  it('answers 422 for an empty or too long note', async () => {
    const empty = await api.post('/api/v1/contacts/46/notes', { content: '   ' })
    expect(empty.status).toBe(422)
    expect(empty.body.errors).toEqual({ content: ['The content field is required.'] })
    const long = await api.post('/api/v1/contacts/46/notes', { content: 'x'.repeat(5001) })
    expect(long.body.errors).toEqual({ content: ['The content field must not be greater than 5000 characters.'] })
    expect(await api.post('/api/v1/contacts/46/notes', { content: 'x'.repeat(5000) })).toMatchObject({ status: 201 })
  })
})

describe('lists and segments', () => {
  it('adds a contact to a list and a segment', async () => {
    const list = await api.post('/api/v1/contacts/47/lists', { list_id: 5 })
    expect(list.status).toBe(200)
    expect(list.body).toEqual({ success: true, data: { id: 47, list_id: 5 }, message: 'Contact added to list.' })
    const segment = await api.post('/api/v1/contacts/47/segments', { segment_id: 3 })
    expect(segment.body).toEqual({ success: true, data: { id: 47, segment_id: 3 }, message: 'Contact added to segment.' })
    await api.post('/api/v1/contacts/47/lists', { list_id: 2 })
    await api.post('/api/v1/contacts/47/lists', { list_id: 5 })
    expect(sandbox.store.lists(47)).toEqual([2, 5])
    expect(sandbox.store.segments(47)).toEqual([3])
  })

  it('answers 422 for ids that are not positive integers', async () => {
    const cases: [unknown, string][] = [
      [{}, 'The list id field is required.'],
      [{ list_id: 0 }, 'The list id field must be at least 1.'],
      [{ list_id: 'five' }, 'The list id field must be an integer.'],
      [{ list_id: 2.5 }, 'The list id field must be an integer.'],
    ]
    for (const [body, message] of cases) {
      const answer = await api.post('/api/v1/contacts/48/lists', body)
      expect(answer.status).toBe(422)
      expect(answer.body).toEqual({ success: false, message, errors: { list_id: [message] } })
    }
    const segment = await api.post('/api/v1/contacts/48/segments', { segment_id: -3 })
    expect(segment.body.errors).toEqual({ segment_id: ['The segment id field must be at least 1.'] })
    expect(sandbox.store.lists(48)).toEqual([])
  })
})

describe('unknown routes', () => {
  it('answers 404 for other paths and 405 for other methods', async () => {
    expect((await api.get('/api/v1/people')).status).toBe(404)
    const wrongMethod = await api.delete('/api/v1/contacts')
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.body.success).toBe(false)
  })
})
