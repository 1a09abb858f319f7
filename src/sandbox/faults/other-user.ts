// "Another user" of the same account who edits contacts behind the client's back, on a timer or on demand.
import { chance, pick, randomInt, type Random } from '../prng'
import type { SandboxKnobs } from './knobs'
import { randomContactInput } from '../seed'
import { TAG_POOL } from '../seed-pools'
import type { SandboxStore } from '../store'

type Edit = 'rename' | 'retag' | 'blacklist' | 'create' | 'delete'

// Mostly edits, some churn: creates and deletes are what make offset pagination drift.
const EDIT_WEIGHTS: readonly (readonly [Edit, number])[] = [
  ['rename', 30],
  ['retag', 30],
  ['blacklist', 15],
  ['create', 15],
  ['delete', 10],
]

function pickEdit(random: Random): Edit {
  let roll = random() * 100
  for (const [edit, weight] of EDIT_WEIGHTS) {
    roll -= weight
    if (roll < 0) return edit
  }
  return 'rename'
}

function editOnce(store: SandboxStore, random: Random): void {
  const edit = store.size() === 0 ? 'create' : pickEdit(random)
  const newInput = () => randomContactInput(random, (phone) => store.isPhoneTaken(phone))
  if (edit === 'create') {
    store.create(newInput())
    return
  }
  const target = store.nth(randomInt(random, 0, store.size() - 1))
  if (!target) return
  switch (edit) {
    case 'rename':
      store.update(target.id, { name: newInput().name })
      break
    case 'retag': {
      const removable = target.tags.length > 0 && chance(random, 0.5)
      const tags = removable
        ? target.tags.filter((tag) => tag !== pick(random, target.tags))
        : [...new Set([...target.tags, pick(random, TAG_POOL)])]
      store.update(target.id, { tags })
      break
    }
    case 'blacklist':
      store.toggleBlacklist(target.id)
      break
    case 'delete':
      store.remove(target.id)
      break
  }
}

/** Applies `count` random edits now, for tests that need the server to have moved on. */
export function editAsOtherUser(store: SandboxStore, random: Random, count: number): void {
  for (let i = 0; i < count; i++) editOnce(store, random)
}

const TICK_MS = 50

/**
 * Edits at `knobs.otherUserEditsPerSecond`, read on every tick so the rate can change live.
 * Fractional rates accumulate, so 0.5 means one edit every two seconds.
 */
export function startOtherUser(store: SandboxStore, knobs: SandboxKnobs, random: Random): { stop(): void } {
  let owed = 0
  let last = Date.now()
  const timer = setInterval(() => {
    const now = Date.now()
    const rate = Math.max(0, knobs.otherUserEditsPerSecond)
    owed = rate > 0 ? owed + (rate * (now - last)) / 1000 : 0
    last = now
    const due = Math.floor(owed)
    owed -= due
    editAsOtherUser(store, random, due)
  }, TICK_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
