import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { openAccountDatabase } from '../../db/database'
import { targetTagCounts } from './target-tags'

it('counts the tags of the targeted contacts only, most carried first', async () => {
  const db = await openAccountDatabase(`target-tags-${randomUUID()}`)
  await db.contacts.bulkPut([
    { id: 1, name: 'Ada', type: 'instagram', tags: ['vip', 'fair'] },
    { id: 2, name: 'Bo', type: 'instagram', tags: ['fair'] },
    { id: 3, name: 'Cy', type: 'instagram', tags: ['elsewhere'] },
  ])
  expect(await targetTagCounts(db, [1, 2, 99])).toEqual([
    { tag: 'fair', count: 2 },
    { tag: 'vip', count: 1 },
  ])
  db.close()
})
