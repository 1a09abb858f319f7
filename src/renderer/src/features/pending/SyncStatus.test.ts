// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { useSyncStore } from './sync-store'
import SyncStatus from './SyncStatus.vue'

let wrapper: VueWrapper | null = null
beforeEach(() => {
  vi.useFakeTimers()
  setActivePinia(createPinia())
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
})

const text = () => wrapper?.get('[data-test="sync-text"]').text()

describe('sync status', () => {
  it('says when the server was still changing at the end of a sync, and counts down to the re-check', async () => {
    const sync = useSyncStore()
    sync.reachability = 'online'
    sync.lastSyncedAt = new Date().toISOString()
    sync.pull = { running: false, progress: null, recheckAt: Date.now() + 30_000, last: { status: 'completed', consistent: false, total: 10, deleted: 0, passes: 3, requests: 9 } }
    wrapper = mount(SyncStatus)
    expect(text()).toBe('Synced just now · contacts were changing on SkyLight, checking again in 30 s')
    await vi.advanceTimersByTimeAsync(2_000)
    expect(text()).toBe('Synced just now · contacts were changing on SkyLight, checking again in 28 s')

    sync.pull = { running: false, progress: null, recheckAt: null, last: { status: 'completed', consistent: true, total: 10, deleted: 2, passes: 1, requests: 1 } }
    await nextTick()
    expect(text()).toBe('Synced just now')
  })
})
