import { describe, expect, it } from 'vitest'
import { contact as contactSchema, E164, email as emailSchema } from '../shared/contact'
import { mulberry32 } from './prng'
import { randomContactInput, seedContacts } from './seed'
import { NAME_POOLS, PHONE_PLANS, TAG_POOL } from './seed-pools'

const { contacts, notes } = seedContacts(5000, 1)
const share = (test: (index: number) => boolean): number => contacts.filter((_, index) => test(index)).length / contacts.length

describe('seedContacts', () => {
  it('gives the same data for the same seed and different data for another', () => {
    expect(seedContacts(300, 42)).toEqual(seedContacts(300, 42))
    expect(seedContacts(300, 43).contacts).not.toEqual(seedContacts(300, 42).contacts)
  })

  it('numbers contacts 1..N and every one passes the shared Contact schema', () => {
    expect(contacts.map((contact) => contact.id)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1))
    for (const contact of contacts) expect(contactSchema.safeParse(contact).success).toBe(true)
  })

  it('gives unique E.164 phones, always for whatsapp and telegram, sometimes none for instagram', () => {
    const phones = contacts.flatMap((contact) => (contact.phone ? [contact.phone] : []))
    expect(new Set(phones).size).toBe(phones.length)
    for (const phone of phones) expect(phone).toMatch(E164)
    expect(contacts.filter((contact) => contact.type !== 'instagram' && !contact.phone)).toEqual([])
    expect(contacts.some((contact) => contact.type === 'instagram' && !contact.phone)).toBe(true)
    const callingCodes = new Set(Object.values(PHONE_PLANS).map((plan) => plan.code))
    const seenCodes = new Set([...callingCodes].filter((code) => phones.some((phone) => phone.startsWith(`+${code}`))))
    expect(seenCodes.size).toBeGreaterThanOrEqual(10)
  })

  it('uses all three channels', () => {
    expect(new Set(contacts.map((contact) => contact.type))).toEqual(new Set(['whatsapp', 'telegram', 'instagram']))
  })

  it('mixes accented Latin names with Cyrillic, Arabic, CJK and Greek ones', () => {
    const names = contacts.map((contact) => contact.name)
    for (const script of [/[À-ž]/u, /\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u, /\p{Script=Han}/u, /\p{Script=Hangul}/u, /\p{Script=Greek}/u]) {
      expect(names.some((name) => script.test(name))).toBe(true)
    }
    for (const name of ['José', 'Zoë', 'Müller', 'François']) expect(names.some((full) => full.includes(name))).toBe(true)
  })

  it('gives valid emails to most contacts', () => {
    expect(share((i) => contacts[i]?.email !== null)).toBeGreaterThan(0.7)
    for (const contact of contacts) if (contact.email) expect(emailSchema.safeParse(contact.email).success).toBe(true)
  })

  it('draws tags from the pool and marks some contacts blacklisted, inactive or recently messaged', () => {
    for (const contact of contacts) for (const tag of contact.tags) expect(TAG_POOL).toContain(tag)
    expect(share((i) => contacts[i]?.tags.includes('vip') ?? false)).toBeGreaterThan(0.02)
    expect(share((i) => contacts[i]?.blacklisted ?? false)).toBeGreaterThan(0.01)
    expect(share((i) => contacts[i]?.status === 'inactive')).toBeGreaterThan(0.03)
    const messaged = share((i) => contacts[i]?.last_message_at !== null)
    expect(messaged).toBeGreaterThan(0.3)
    expect(messaged).toBeLessThan(0.9)
  })

  it('keeps updated_at at or after created_at', () => {
    for (const contact of contacts) expect(contact.updated_at >= contact.created_at).toBe(true)
  })

  it('seeds notes for a few contacts', () => {
    expect(notes.size).toBeGreaterThan(50)
    const ids = [...notes.values()].flat().map((note) => note.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('randomContactInput', () => {
  it('never picks a phone the caller says is taken', () => {
    const random = mulberry32(7)
    const taken = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const input = randomContactInput(random, (phone) => taken.has(phone))
      if (input.phone) {
        expect(taken.has(input.phone)).toBe(false)
        taken.add(input.phone)
      }
    }
  })

  it('has a phone plan for every country a name pool uses', () => {
    for (const pool of NAME_POOLS) for (const country of pool.countries) expect(PHONE_PLANS).toHaveProperty(country)
  })
})
