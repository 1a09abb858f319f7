import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ContactsDb } from '../../db/database'
import { outboxEvents, type OutboxEvent } from './outbox-events'

/** Two handles on one database, as two windows of the app hold (only the name is read). */
function twoWindows() {
  const name = `events-${randomUUID()}`
  return [outboxEvents({ name } as ContactsDb), outboxEvents({ name } as ContactsDb)] as const
}

/** The next event `events` hears, or null after a while. */
function nextEvent(events: ReturnType<typeof outboxEvents>, ms = 500): Promise<OutboxEvent | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop()
      resolve(null)
    }, ms)
    const stop = events.subscribe((event) => {
      clearTimeout(timer)
      stop()
      resolve(event)
    })
  })
}

describe('outbox events', () => {
  it('tell the listeners of this window at once', () => {
    const [here] = twoWindows()
    const heard: OutboxEvent[] = []
    const stop = here.subscribe((event) => heard.push(event))
    here.emit({ type: 'changed' })
    stop()
    expect(heard).toEqual([{ type: 'changed' }])
  })

  it('reach the other windows on the same database: the replayer there may be sending this one’s edits', async () => {
    const [first, second] = twoWindows()
    const stopFirst = first.subscribe(() => {})
    const heard = nextEvent(second)
    first.emit({ type: 'idChanged', from: -1, to: 501 })
    expect(await heard).toEqual({ type: 'idChanged', from: -1, to: 501 })
    stopFirst()
  })

  it('are heard once in the window that sent them, not echoed back', async () => {
    const [first, second] = twoWindows()
    const stopSecond = second.subscribe(() => {})
    const heard: OutboxEvent[] = []
    const stop = first.subscribe((event) => heard.push(event))
    first.emit({ type: 'changed' })
    await nextEvent(second)
    stop()
    stopSecond()
    expect(heard).toEqual([{ type: 'changed' }])
  })

  it('stay within their database', async () => {
    const [mine] = twoWindows()
    const [other] = twoWindows()
    const stop = mine.subscribe(() => {})
    const heard = nextEvent(other, 200)
    mine.emit({ type: 'changed' })
    expect(await heard).toBeNull()
    stop()
  })
})
