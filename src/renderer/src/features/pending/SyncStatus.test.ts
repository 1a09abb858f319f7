// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { i18n, setAppLocale } from '../../i18n'
import { pullFailure } from '../../sync/pull/pull-failure'
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
  setAppLocale('en')
})

const mountStatus = () => (wrapper = mount(SyncStatus, { global: { plugins: [i18n] } }))

const text = () => wrapper?.get('[data-test="sync-text"]').text()

describe('sync status', () => {
  it('says how many contacts are read for offline use and how long the rest takes, and pauses and resumes', async () => {
    const sync = useSyncStore()
    sync.reachability = 'online'
    sync.lastSyncedAt = new Date().toISOString()
    const paused: string[] = []
    sync.pauseHydration = async () => void paused.push('pause')
    sync.resumeHydration = async () => void paused.push('resume')
    sync.hydration = { status: 'running', total: 100_000, hydrated: 12_400, requestsLeft: 175_200, perSecond: 24.3, etaMs: 2.1 * 3_600_000 }
    mountStatus()
    const hydration = () => wrapper!.get('[data-test="hydration-text"]').text()
    expect(hydration()).toBe('Details offline: 12,400 of 100,000 · about 2 hours at the current limit')
    sync.hydration = { ...sync.hydration, etaMs: 50 * 60_000 }
    await nextTick()
    expect(hydration()).toBe('Details offline: 12,400 of 100,000 · about 50 minutes at the current limit')
    await wrapper!.get('[data-test="hydration-toggle"]').trigger('click')
    sync.hydration = { ...sync.hydration, status: 'paused', etaMs: null }
    await nextTick()
    expect(hydration()).toBe('Details offline: 12,400 of 100,000 · paused')
    await wrapper!.get('[data-test="hydration-toggle"]').trigger('click')
    expect(paused).toEqual(['pause', 'resume'])
    sync.hydration = { ...sync.hydration, status: 'done', hydrated: 100_000 }
    await nextTick()
    expect(wrapper!.find('[data-test="hydration"]').exists()).toBe(false)
  })

  it('says when the server was still changing at the end of a sync, and counts down to the re-check', async () => {
    const sync = useSyncStore()
    sync.reachability = 'online'
    sync.lastSyncedAt = new Date().toISOString()
    sync.pull = { running: false, progress: null, recheckAt: Date.now() + 30_000, last: { status: 'completed', consistent: false, total: 10, deleted: 0, passes: 3, requests: 9 } }
    mountStatus()
    expect(text()).toBe('Synced just now · contacts were changing on SkyLight, checking again in 30 s')
    await vi.advanceTimersByTimeAsync(2_000)
    expect(text()).toBe('Synced just now · contacts were changing on SkyLight, checking again in 28 s')

    sync.pull = { running: false, progress: null, recheckAt: null, last: { status: 'completed', consistent: true, total: 10, deleted: 2, passes: 1, requests: 1 } }
    await nextTick()
    expect(text()).toBe('Synced just now')
  })

  it('speaks German and Russian, with their plural forms, and words a sync failure in the language', async () => {
    const sync = useSyncStore()
    sync.reachability = 'online'
    sync.unsynced = 5
    sync.needsAttention = 1
    sync.pull = { running: true, progress: { pass: 1, contacts: 21, pagesDone: 1, pagesTotal: 3, etaMs: null }, recheckAt: null, last: null }
    setAppLocale('de')
    mountStatus()
    expect(text()).toBe('21 Kontakte werden synchronisiert · Seite 1 von 3')
    expect(wrapper!.get('[data-test="unsynced"]').text()).toBe('5 ausstehend · 1 braucht Sie')

    sync.pull = { running: false, progress: null, recheckAt: null, last: { status: 'failed', error: pullFailure(new DOMException('disk full', 'QuotaExceededError')), requests: 2 } }
    await nextTick()
    expect(text()).toBe('Synchronisierung fehlgeschlagen: Die lokale Datenbank ist beim Abrufen ausgefallen (disk full).')

    setAppLocale('ru')
    sync.pull = { running: true, progress: { pass: 1, contacts: 21, pagesDone: 2, pagesTotal: 5, etaMs: null }, recheckAt: null, last: null }
    sync.needsAttention = 2
    await nextTick()
    expect(text()).toBe('Синхронизация: 21 контакт · страница 2 из 5')
    expect(wrapper!.get('[data-test="unsynced"]').text()).toBe('5 изменений ждут · 2 требуют вашего решения')
    sync.unsynced = 3
    await nextTick()
    expect(wrapper!.get('[data-test="unsynced"]').text()).toBe('3 изменения ждут · 2 требуют вашего решения')
  })
})
