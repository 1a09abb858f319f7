import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Contact } from '../shared/contact'
import { startSandboxServer, type SandboxServer } from './sandbox-server'
import { testClient } from './test-support/test-client'

const COUNT = 100
let sandbox: SandboxServer
let api: ReturnType<typeof testClient>

beforeAll(async () => {
  sandbox = await startSandboxServer({ contacts: COUNT, seed: 5 })
  api = testClient(sandbox)
})
afterAll(() => sandbox.close())

const firstSeeded = (test: (contact: Contact) => boolean): Contact => sandbox.store.all().find(test) as Contact

describe('POST /api/v1/contacts', () => {
  it('creates with 201 and answers the full contact with defaults', async () => {
    const answer = await api.post<Contact>('/api/v1/contacts', { name: 'Sarah Johnson', phone: '+14155550001', type: 'whatsapp' })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      success: true,
      message: 'Contact created successfully.',
      data: {
        id: COUNT + 1,
        name: 'Sarah Johnson',
        email: null,
        phone: '+14155550001',
        type: 'whatsapp',
        status: 'active',
        blacklisted: false,
        tags: [],
        last_message_at: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
    })
    expect(sandbox.store.get(COUNT + 1)).toEqual(answer.body.data)
  })

  it('creates an instagram contact without a phone, trimming input and ignoring unknown fields', async () => {
    const answer = await api.post<Contact>('/api/v1/contacts', { name: '  Zoë  ', type: 'instagram', email: '', nickname: 'z' })
    expect(answer.status).toBe(201)
    expect(answer.body.data).toMatchObject({ name: 'Zoë', phone: null, email: null })
    expect(answer.body.data).not.toHaveProperty('nickname')
  })

  const cases: [string, unknown, Record<string, string[]>][] = [
    ['a missing name', { type: 'instagram' }, { name: ['The name field is required.'] }],
    ['a name of 256 characters', { name: 'n'.repeat(256), type: 'instagram' }, { name: ['The name field must not be greater than 255 characters.'] }],
    ['an unknown type', { name: 'A', type: 'fax' }, { type: ['The selected type is invalid.'] }],
    ['whatsapp without phone', { name: 'A', type: 'whatsapp' }, { phone: ['The phone field is required when type is whatsapp.'] }],
    ['telegram with an empty phone', { name: 'A', type: 'telegram', phone: '' }, { phone: ['The phone field is required when type is telegram.'] }],
    ['a phone without plus', { name: 'A', type: 'whatsapp', phone: '4155551234' }, { phone: ['The phone field format is invalid.'] }],
    ['a phone with spaces', { name: 'A', type: 'whatsapp', phone: '+1 415 555 1234' }, { phone: ['The phone field format is invalid.'] }],
    ['a phone of 16 digits', { name: 'A', type: 'whatsapp', phone: '+1234567890123456' }, { phone: ['The phone field format is invalid.'] }],
    ['a bad email', { name: 'A', type: 'instagram', email: 'sarah@' }, { email: ['The email field must be a valid email address.'] }],
    ['tags that are not an array', { name: 'A', type: 'instagram', tags: 'vip' }, { tags: ['The tags field must be an array.'] }],
    ['a tag of 51 characters', { name: 'A', type: 'instagram', tags: ['vip', 't'.repeat(51)] }, { 'tags.1': ['The tags.1 field must not be greater than 50 characters.'] }],
  ]
  for (const [what, body, errors] of cases) {
    it(`answers 422 for ${what}`, async () => {
      const size = sandbox.store.size()
      const answer = await api.post('/api/v1/contacts', body)
      expect(answer.status).toBe(422)
      expect(answer.body).toEqual({ success: false, message: Object.values(errors)[0]?.[0], errors })
      expect(sandbox.store.size()).toBe(size)
    })
  }

  it('answers 422 for a phone another contact has', async () => {
    const taken = firstSeeded((contact) => contact.phone !== null).phone
    const answer = await api.post('/api/v1/contacts', { name: 'Copy', type: 'whatsapp', phone: taken })
    expect(answer.status).toBe(422)
    expect(answer.body.errors).toEqual({ phone: ['The phone has already been taken.'] })
  })

  it('reports every failing field in rule order and counts the rest in the message', async () => {
    const answer = await api.post('/api/v1/contacts', { type: 'whatsapp', email: 'nope', tags: [''] })
    expect(Object.keys(answer.body.errors)).toEqual(['name', 'phone', 'email', 'tags.0'])
    expect(answer.body.message).toBe('The name field is required. (and 3 more errors)')
  })

  it('treats a malformed JSON body as empty input', async () => {
    const response = await fetch(`${sandbox.baseUrl}/api/v1/contacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
      body: '{"name": ',
    })
    expect(response.status).toBe(422)
    expect(((await response.json()) as { errors: object }).errors).toHaveProperty('name')
  })
})

describe('PUT /api/v1/contacts/{id}', () => {
  it('answers 422 for an empty name or a bad email', async () => {
    const answer = await api.put('/api/v1/contacts/3', { name: '', email: 'x@' })
    expect(answer.status).toBe(422)
    expect(answer.body.errors).toEqual({
      name: ['The name field is required.'],
      email: ['The email field must be a valid email address.'],
    })
  })

  it("refuses another contact's phone and accepts the contact's own", async () => {
    const [owner, other] = sandbox.store.all().filter((contact) => contact.phone !== null)
    const stolen = await api.put(`/api/v1/contacts/${(other as Contact).id}`, { phone: (owner as Contact).phone })
    expect(stolen.body.errors).toEqual({ phone: ['The phone has already been taken.'] })
    const own = await api.put(`/api/v1/contacts/${(owner as Contact).id}`, { phone: (owner as Contact).phone })
    expect(own.status).toBe(200)
  })

  it('checks the phone rule against the contact as it would become', async () => {
    const phoneless = firstSeeded((contact) => contact.type === 'instagram' && contact.phone === null)
    const toWhatsapp = await api.put(`/api/v1/contacts/${phoneless.id}`, { type: 'whatsapp' })
    expect(toWhatsapp.body.errors).toEqual({ phone: ['The phone field is required when type is whatsapp.'] })
    const telegram = firstSeeded((contact) => contact.type === 'telegram')
    const cleared = await api.put(`/api/v1/contacts/${telegram.id}`, { phone: null })
    expect(cleared.body.errors).toEqual({ phone: ['The phone field is required when type is telegram.'] })
    const withPhone = await api.put(`/api/v1/contacts/${phoneless.id}`, { type: 'whatsapp', phone: '+306912345678' })
    expect(withPhone.status).toBe(200)
  })

  it('answers 422 for an unknown status', async () => {
    const answer = await api.put('/api/v1/contacts/3', { status: 'archived' })
    expect(answer.body.errors).toEqual({ status: ['The selected status is invalid.'] })
  })
})
