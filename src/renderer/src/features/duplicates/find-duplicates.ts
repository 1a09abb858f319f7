// Finds groups of contacts that look like one person over the whole mirror: same phone, same email, or a similar name with the same phone suffix.
import type { ContactRow } from '../../../../shared/contact'
import { withinEdits } from '../../search/edit-distance'
import { emailKey, nameKey, phoneKey, phoneSuffix, REASON_STRENGTH, type MatchReason } from '../../contact-match/match-keys'
import { UnionFind } from './union-find'

/** Why two members are in one group: the key they share (the phone, the email, or the phone suffix). */
export interface DuplicateLink {
  a: number
  b: number
  reason: MatchReason
  value: string
}

export interface DuplicateGroup {
  /** Contact ids, in the mirror's order. */
  ids: number[]
  /** The strongest reason among the links. */
  reason: MatchReason
  /** One link per member but the first: what joined each to the group (strongest found first). */
  links: DuplicateLink[]
}

/** Names at least this long may differ by one edit ("Jonathon Smith" / "Jonathan Smith"); shorter ones must be equal. */
export const FUZZY_NAME_LENGTH = 8
/**
 * A phone suffix shared by more contacts than this (a switchboard, test data) compares names only by
 * equality inside it, so the scan stays linear.
 */
const PAIRWISE_LIMIT = 64

const similarNames = (a: string, b: string): boolean => a === b || (a.length >= FUZZY_NAME_LENGTH && b.length >= FUZZY_NAME_LENGTH && withinEdits(a, b, 1))

/** The given row indexes grouped by key, for keys held by two rows or more (most keys are held once: no list for them). */
function sharedKeys(indexes: Iterable<number>, keyOf: (i: number) => string | null): Map<string, number[]> {
  const first = new Map<string, number>()
  const shared = new Map<string, number[]>()
  for (const i of indexes) {
    const key = keyOf(i)
    if (key === null) continue
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, i)
    else {
      const list = shared.get(key)
      if (list) list.push(i)
      else shared.set(key, [earlier, i])
    }
  }
  return shared
}

/**
 * Every group of two or more, strongest reason first, then larger groups first. Phones are joined
 * first, then emails, then names, so each link records the strongest reason that joined the member.
 */
export function findDuplicateGroups(contacts: readonly ContactRow[]): DuplicateGroup[] {
  const sets = new UnionFind(contacts.length)
  /** Links between row indexes (the groups name ids once they are built). */
  const links: { i: number; j: number; reason: MatchReason; value: string }[] = []
  const link = (i: number, j: number, reason: MatchReason, value: string) => {
    if (sets.union(i, j)) links.push({ i, j, reason, value })
  }
  // Contacts with one phone share its suffix too: phones are compared only inside the groups of a suffix, one pass over the mirror fewer.
  const bySuffix = sharedKeys(contacts.keys(), (i) => phoneSuffix(contacts[i]!.phone))
  for (const sharing of bySuffix.values()) {
    for (const [phone, members] of sharedKeys(sharing, (i) => phoneKey(contacts[i]!.phone))) {
      for (const other of members.slice(1)) link(members[0]!, other, 'phone', phone)
    }
  }
  for (const [email, members] of sharedKeys(contacts.keys(), (i) => emailKey(contacts[i]!.email))) {
    for (const other of members.slice(1)) link(members[0]!, other, 'email', email)
  }
  // Names are folded only for contacts that share a phone suffix: a fraction of the mirror.
  const names = new Map<number, string | null>()
  const nameOf = (i: number): string | null => {
    if (!names.has(i)) names.set(i, nameKey(contacts[i]!.name))
    return names.get(i)!
  }
  for (const [suffix, sharing] of bySuffix) {
    const members = sharing.filter((i) => nameOf(i) !== null)
    if (members.length > PAIRWISE_LIMIT) {
      for (const same of sharedKeys(members, nameOf).values()) for (const other of same.slice(1)) link(same[0]!, other, 'name', suffix)
      continue
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!
        const j = members[y]!
        if (similarNames(nameOf(i)!, nameOf(j)!)) link(i, j, 'name', suffix)
      }
    }
  }
  return groupsOf(contacts, sets, links)
}

function groupsOf(contacts: readonly ContactRow[], sets: UnionFind, links: readonly { i: number; j: number; reason: MatchReason; value: string }[]): DuplicateGroup[] {
  const byRoot = new Map<number, DuplicateGroup>()
  for (const { i, j, reason, value } of links) {
    const root = sets.find(i)
    let group = byRoot.get(root)
    if (!group) byRoot.set(root, (group = { ids: [], reason, links: [] }))
    group.links.push({ a: contacts[i]!.id, b: contacts[j]!.id, reason, value })
    if (REASON_STRENGTH[reason] < REASON_STRENGTH[group.reason]) group.reason = reason
  }
  // Every member of a group is at one end of a link: only those rows are looked up, in the mirror's order.
  const linked = new Uint8Array(contacts.length)
  for (const { i, j } of links) linked[i] = linked[j] = 1
  for (let i = 0; i < contacts.length; i++) if (linked[i]) byRoot.get(sets.find(i))!.ids.push(contacts[i]!.id)
  return [...byRoot.values()].sort((a, b) => REASON_STRENGTH[a.reason] - REASON_STRENGTH[b.reason] || b.ids.length - a.ids.length || a.ids[0]! - b.ids[0]!)
}
