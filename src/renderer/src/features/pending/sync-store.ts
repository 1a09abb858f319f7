// Sync store: what the header says about syncing (reachability, pull progress, last sync, unsynced edits) and "sync now".
import { defineStore } from 'pinia'
import type { SyncSnapshot } from '../../../../shared/support'
import { ref, shallowRef } from 'vue'
import { callBridge, getBridge } from '../../bridge'
import { unlessClosed } from '../../db/unless-closed'
import type { Reachability } from '../../sync/session/connectivity'
import { listQueue, outboxEvents, type ReplayerState } from '../../sync/outbox'
import type { PullRunnerState } from '../../sync/pull/pull-runner'
import { startSyncSession, type SyncSession, type SyncSessionOptions } from '../../sync/session/sync-session'
import { readLastSyncedAt } from '../../sync/pull/last-synced'
import type { Workspace } from '../../workspace/workspace'
import { DEFAULT_REFRESH_MS, type HydrationState } from '../../sync/hydrate'

/** Counting the queue after every change of a 10,000-contact bulk edit is wasteful: once per beat is plenty. */
const COUNT_THROTTLE_MS = 250

export type SessionTuning = Omit<SyncSessionOptions, 'db' | 'search' | 'bridge' | 'onPullChange' | 'onHydrationChange'>

export const useSyncStore = defineStore('sync', () => {
  const reachability = ref<Reachability>('unknown')
  const pull = shallowRef<PullRunnerState>({ running: false, progress: null, last: null, recheckAt: null })
  const lastSyncedAt = ref<string | null>(null)
  /** Edits not on the server yet, and how many of them wait for the user (conflict, refused, deleted). */
  const unsynced = ref(0)
  const needsAttention = ref(0)
  const replayer = ref<ReplayerState>('stopped')
  const session = shallowRef<SyncSession | null>(null)
  /** How far the background read of every contact's details and notes is; null before it reports. */
  const hydration = shallowRef<HydrationState | null>(null)
  /** The pending changes panel, opened from the indicator. */
  const panelOpen = ref(false)

  /** How often the mirror re-reads the account (the user's setting); the runner's default until set. */
  let pullIntervalMs: number | undefined
  /** How old read details may grow before they are read again (the user's setting). */
  let refreshMs = DEFAULT_REFRESH_MS
  let stopListening: () => void = () => {}
  let countTimer: ReturnType<typeof setTimeout> | undefined
  let attached: Workspace | null = null

  /** Starts syncing `workspace` (stopping the previous one); null stops. */
  async function attach(workspace: Workspace | null, tuning: SessionTuning = {}): Promise<void> {
    if (workspace === attached) return
    attached = workspace
    stopListening()
    clearTimeout(countTimer)
    const previous = session.value
    session.value = null
    reachability.value = 'unknown'
    pull.value = { running: false, progress: null, last: null, recheckAt: null }
    // Another account (or none): main must not warn about edits that are not this one's.
    if (unsynced.value !== 0) void callBridge('app.setUnsynced', { count: 0 })
    unsynced.value = 0
    needsAttention.value = 0
    replayer.value = 'stopped'
    hydration.value = null
    await previous?.stop()
    const bridge = getBridge()
    if (!workspace || !bridge || attached !== workspace) return

    const { db } = workspace
    // Closed meanwhile (signed out while the previous account's sync was stopping): there is nothing to sync.
    const last = await unlessClosed(readLastSyncedAt(db))
    if (last === undefined || attached !== workspace) return
    lastSyncedAt.value = last
    const started = startSyncSession({
      db,
      search: workspace.search,
      bridge,
      onPullChange: (state) => {
        pull.value = state
        if (!state.running && state.last?.status === 'completed') void unlessClosed(readLastSyncedAt(db)).then((at) => at !== undefined && (lastSyncedAt.value = at))
      },
      onHydrationChange: (state) => {
        if (attached === workspace) hydration.value = state
      },
      ...tuning,
      pull: { ...(pullIntervalMs === undefined ? {} : { intervalMs: pullIntervalMs }), ...tuning.pull },
      hydrate: { refreshMs, ...tuning.hydrate },
    })
    session.value = started
    const offReach = started.connectivity.subscribe((state) => (reachability.value = state))
    const offReplay = started.replayer.onStateChange((state) => (replayer.value = state))
    const offOutbox = outboxEvents(db).subscribe(() => scheduleCount(workspace))
    // The workspace closes (sign-out, account switch) before this store hears of it: syncing stops first.
    const offClosing = workspace.onClosing(() => started.stop())
    stopListening = () => {
      offReach()
      offReplay()
      offOutbox()
      offClosing()
    }
    replayer.value = started.replayer.state
    reachability.value = started.connectivity.state
    void count(workspace)
  }

  function scheduleCount(workspace: Workspace): void {
    if (countTimer !== undefined) return
    countTimer = setTimeout(() => {
      countTimer = undefined
      void count(workspace)
    }, COUNT_THROTTLE_MS)
  }

  async function count(workspace: Workspace): Promise<void> {
    const queue = await unlessClosed(listQueue(workspace.db))
    if (attached !== workspace || !queue) return
    if (unsynced.value !== queue.length) void callBridge('app.setUnsynced', { count: queue.length })
    unsynced.value = queue.length
    needsAttention.value = queue.filter((intent) => intent.status !== 'pending').length
  }

  /** The regular sync comes every `ms` from now on, for this account and the next. */
  function setPullInterval(ms: number): void {
    pullIntervalMs = ms
    session.value?.pulls.setIntervalMs(ms)
  }

  /** Details and notes read longer ago than `ms` are read again, for this account and the next. */
  function setRefreshPeriod(ms: number): void {
    refreshMs = ms
    session.value?.hydrator.setRefreshMs(ms)
  }

  /** The header's pause and resume of the background read (kept across restarts). */
  function pauseHydration(): Promise<void> {
    return session.value?.hydrator.pause() ?? Promise.resolve()
  }

  function resumeHydration(): Promise<void> {
    return session.value?.hydrator.resume() ?? Promise.resolve()
  }

  /** What hydration reads first changed (a contact opened, a filter kept offline first): it plans again. */
  function hydrationPrioritiesChanged(): void {
    session.value?.hydrator.request()
  }

  /** What the diagnostics text says about syncing. */
  function snapshot(): SyncSnapshot {
    const last = pull.value.last
    return {
      reachability: reachability.value,
      lastSyncedAt: lastSyncedAt.value,
      unsynced: unsynced.value,
      needsAttention: needsAttention.value,
      pull: pull.value.running ? 'running' : last?.status === 'failed' ? 'failed' : 'idle',
    }
  }

  function syncNow(): void {
    session.value?.syncNow()
  }

  /** The account's refused key was replaced: the paused queue goes on, and the API is asked again. */
  function keyReplaced(): void {
    session.value?.keyReplaced()
  }

  return {
    reachability,
    pull,
    lastSyncedAt,
    unsynced,
    needsAttention,
    replayer,
    hydration,
    session,
    panelOpen,
    attach,
    setPullInterval,
    setRefreshPeriod,
    pauseHydration,
    resumeHydration,
    hydrationPrioritiesChanged,
    snapshot,
    syncNow,
    keyReplaced,
  }
})
