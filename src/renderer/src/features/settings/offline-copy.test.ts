import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openAccountDatabase } from '../../db/database'
import type { Workspace } from '../../workspace/workspace'
import { formatBytes, offlineCopySize } from './offline-copy'

describe('offline copy size', () => {
  it('counts contacts and notes, and the storage the browser reports', async () => {
    const db = await openAccountDatabase(`size-${randomUUID()}`)
    try {
      await db.contacts.bulkPut([{ id: 1, name: 'Ada' }, { id: 2, name: 'Bo' }])
      await db.notes.put({ id: 7, contactId: 1, content: 'Met at the fair', created_at: '2026-12-01T10:00:00.000000Z' })
      const workspace = { db } as unknown as Workspace
      expect(await offlineCopySize(workspace, { estimate: async () => ({ usage: 1_536_000 }) })).toEqual({ contacts: 2, notes: 1, bytes: 1_536_000 })
      expect(await offlineCopySize(workspace, undefined)).toEqual({ contacts: 2, notes: 1, bytes: null })
    } finally {
      db.close()
    }
  })

  it('reads sizes as people do', () => {
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(1_536_000)).toBe('1.5 MB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB')
    expect(formatBytes(1_536_000, 'de')).toBe('1,5 MB')
  })
})
