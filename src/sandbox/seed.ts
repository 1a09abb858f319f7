// Generates deterministic, realistic contacts (and a few notes) from a seed.
import type { ChannelType, Contact, ContactCreate, Note } from '../shared/contact'
import { chance, mulberry32, pick, randomInt, type Random } from './prng'
import { EMAIL_DOMAINS, NAME_POOLS, NOTE_LINES, PHONE_PLANS, TAG_POOL, type NamePool } from './seed-pools'
import { toApiTimestamp } from './timestamp'

/** Seeded timestamps fall before this instant, so the same seed gives the same data on any day. */
const SEED_NOW = Date.UTC(2026, 2, 4, 10, 0, 0)
const SEED_START = Date.UTC(2024, 0, 1)
const TOTAL_WEIGHT = NAME_POOLS.reduce((sum, pool) => sum + pool.weight, 0)

export interface SeedData {
  contacts: Contact[]
  /** Notes by contact id; ids of notes run from 1 in contact order. */
  notes: Map<number, Note[]>
}

function pickPool(random: Random): NamePool {
  let roll = random() * TOTAL_WEIGHT
  for (const pool of NAME_POOLS) {
    roll -= pool.weight
    if (roll < 0) return pool
  }
  return NAME_POOLS[0]
}

function joinName(pool: NamePool, first: string, last: string): string {
  if (pool.order === 'family-given-joined') return last + first
  return pool.order === 'family-given' ? `${last} ${first}` : `${first} ${last}`
}

function randomPhone(random: Random, country: string, isTaken: (phone: string) => boolean): string {
  const plan = PHONE_PLANS[country]
  for (;;) {
    let digits = ''
    for (let i = 0; i < plan.rest; i++) digits += String(randomInt(random, 0, 9))
    const phone = `+${plan.code}${pick(random, plan.prefixes)}${digits}`
    if (!isTaken(phone)) return phone
  }
}

function randomTags(random: Random): string[] {
  const count = pick(random, [0, 0, 1, 1, 1, 2, 2, 3])
  const chosen = new Set<string>()
  while (chosen.size < count) chosen.add(pick(random, TAG_POOL))
  return [...chosen]
}

function pickType(random: Random): ChannelType {
  const roll = random()
  return roll < 0.6 ? 'whatsapp' : roll < 0.85 ? 'telegram' : 'instagram'
}

/** What a person would type into a create form; instagram contacts may lack a phone. */
export function randomContactInput(random: Random, isPhoneTaken: (phone: string) => boolean): ContactCreate {
  const pool = pickPool(random)
  const [first, firstLatin] = pick(random, pool.first)
  let [last, lastLatin] = pick(random, pool.last)
  if (pool.feminine?.names.includes(first)) {
    last += pool.feminine.ending[0]
    lastLatin += pool.feminine.ending[1]
  }
  const type = pickType(random)
  const input: ContactCreate = { name: joinName(pool, first, last), type, tags: randomTags(random) }
  if (type !== 'instagram' || chance(random, 0.5)) {
    input.phone = randomPhone(random, pick(random, pool.countries), isPhoneTaken)
  }
  if (chance(random, 0.8)) {
    const suffix = chance(random, 0.4) ? String(randomInt(random, 1, 999)) : ''
    input.email = `${firstLatin}.${lastLatin}${suffix}@${pick(random, EMAIL_DOMAINS)}`
  }
  return input
}

function seededContact(random: Random, id: number, phones: Set<string>): Contact {
  const input = randomContactInput(random, (phone) => phones.has(phone))
  if (input.phone) phones.add(input.phone)
  const created = SEED_START + Math.floor(random() * (SEED_NOW - SEED_START))
  const updated = created + Math.floor(random() * (SEED_NOW - created))
  // Whole seconds, as a database without fractional timestamps would store them.
  const second = (ms: number): string => toApiTimestamp(Math.floor(ms / 1000) * 1000)
  return {
    id,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    type: input.type,
    status: chance(random, 0.08) ? 'inactive' : 'active',
    blacklisted: chance(random, 0.03),
    tags: input.tags ?? [],
    last_message_at: chance(random, 0.6) ? second(created + Math.floor(random() * (SEED_NOW - created))) : null,
    created_at: second(created),
    updated_at: second(updated),
  }
}

export function seedContacts(count: number, seed: number): SeedData {
  const random = mulberry32(seed)
  const phones = new Set<string>()
  const contacts: Contact[] = new Array(count)
  const notes = new Map<number, Note[]>()
  let noteId = 0
  for (let id = 1; id <= count; id++) {
    const contact = seededContact(random, id, phones)
    contacts[id - 1] = contact
    if (chance(random, 0.05)) {
      const lines = Array.from({ length: randomInt(random, 1, 2) }, () => ({
        id: ++noteId,
        content: pick(random, NOTE_LINES),
        created_at: contact.updated_at,
      }))
      notes.set(id, lines)
    }
  }
  return { contacts, notes }
}
