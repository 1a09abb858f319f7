// Keeps one account's mirror in step with the server: pulls, replays the outbox, notices going offline and back.
import type { SkylightBridge } from '../../../../shared/contract'
import type { ApiError } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import type { SearchClient } from '../../search/search-client'
import { createConnectivity, observeBridge, type Connectivity } from './connectivity'
import { unlessClosed } from '../../db/unless-closed'
import { createReplayer, type Replayer, type ReplayerOptions, retryAllNow } from '../outbox'
import { createPullRunner, type PullRunner, type PullRunnerOptions, type PullRunnerState } from '../pull/pull-runner'
import { withPriority } from '../pacing/with-priority'
import { createReconnectProbe, type ReconnectProbe } from './reconnect-probe'
import { resumeReplayWhenAnswered } from './resume-replay'
import { syncError } from '../sync-errors'
import { createHydrator, type Hydrator, type HydratorOptions, type HydrationState } from '../hydrate'

const noNetwork = (): ApiError => syncError('offline', { code: 'noNetwork' })

/**
 * Syncing waits for the search index at launch, but never longer than this: only a worker that never answers meets
 * it. A big account's index takes seconds (500k contacts: ~5 s), and a pull started beside it would double that.
 */
export const START_DELAY_CAP_MS = 30_000

export interface SyncSession {
  readonly connectivity: Connectivity
  /** The bridge whose answers tell `connectivity` whether the API is there. */
  readonly bridge: SkylightBridge
  readonly pulls: PullRunner
  readonly replayer: Replayer
  /** Details and notes of every contact, read in the background after each pull. */
  readonly hydrator: Hydrator
  /** Ctrl/Cmd+R: pull now, send what waits now (skipping backoffs), probe at once when offline. */
  syncNow(): void
  /** Main accepted a new key for this account: send what the refused key paused, and ask the API at once. */
  keyReplaced(): void
  stop(): Promise<void>
}

export interface SyncSessionOptions {
  db: ContactsDb
  /** `allIds` orders hydration by name, as the list does. */
  search: Pick<SearchClient, 'saveSnapshot' | 'ready'> & Partial<Pick<SearchClient, 'allIds'>>
  bridge: SkylightBridge
  onPullChange: (state: PullRunnerState) => void
  pull?: Pick<PullRunnerOptions, 'pull' | 'intervalMs' | 'pullOptions' | 'recheckBaseMs'>
  replay?: Omit<ReplayerOptions, 'db' | 'bridge'>
  onHydrationChange?: (state: HydrationState) => void
  hydrate?: Omit<HydratorOptions, 'db' | 'bridge' | 'reachability' | 'onChange'>
  probeDelayMs?: number
}

export function startSyncSession(options: SyncSessionOptions): SyncSession {
  const { db } = options
  const connectivity = createConnectivity()
  const bridge = observeBridge(options.bridge, connectivity)
  // Background work says so: main's limiter serves the user's own calls before the edits' replay, that before
  // the pull, and the pull before hydration (which marks each of its calls itself).
  const hydrator = createHydrator({
    db,
    bridge,
    reachability: connectivity,
    onChange: options.onHydrationChange,
    namesOrder: async () => (await options.search.allIds?.('', {})) ?? [],
    ...options.hydrate,
  })
  const pulls = createPullRunner({
    db,
    bridge: withPriority(bridge, 'pull'),
    onChange: options.onPullChange,
    onCompleted: () => {
      // The pull may have brought new contacts, or (rows carrying every field) fresh details.
      hydrator.request()
      return options.search.saveSnapshot().catch(() => {})
    },
    ...options.pull,
  })
  const replayer = createReplayer({ db, bridge: withPriority(bridge, 'replay'), ...options.replay })
  const probe: ReconnectProbe = createReconnectProbe({
    connectivity,
    // The sync's own check, not the user's: main neither repeats it nor lets it use the user's reserve.
    probe: () => bridge['contacts.list']({ page: 1, per_page: 1 }, { priority: 'pull' }),
    firstDelayMs: options.probeDelayMs,
  })

  let previous = connectivity.state
  const unsubscribe = connectivity.subscribe((state) => {
    const reconnected = state === 'online' && (previous === 'offline' || previous === 'unauthorized')
    previous = state
    if (!reconnected) return
    // Back online: catch up with the server and send what waited, without waiting out backoffs.
    pulls.request()
    void unlessClosed(retryAllNow(db))
  })
  const stopResuming = resumeReplayWhenAnswered(connectivity, replayer)
  const onOsOnline = () => probe.now()
  globalThis.addEventListener?.('online', onOsOnline)
  // The OS knows it has no network at all: say so at once, rather than once a first call fails.
  if (globalThis.navigator?.onLine === false) connectivity.report(noNetwork())

  // The search index comes first at launch: a 100k-row pull competing for the CPU would delay it.
  let stopped = false
  const settled = options.search.ready.catch(() => {})
  void Promise.race([settled, new Promise((resolve) => setTimeout(resolve, START_DELAY_CAP_MS))]).then(() => {
    if (stopped) return
    replayer.start()
    pulls.request()
    hydrator.start()
  })

  return {
    connectivity,
    bridge,
    pulls,
    replayer,
    hydrator,
    syncNow() {
      if (connectivity.state === 'offline') probe.now()
      pulls.request()
      void unlessClosed(retryAllNow(db))
    },
    keyReplaced() {
      replayer.resume()
      // Its answer turns reachability back to online, which pulls and retries as any reconnect does.
      probe.now()
    },
    async stop() {
      stopped = true
      unsubscribe()
      stopResuming()
      globalThis.removeEventListener?.('online', onOsOnline)
      probe.stop()
      await Promise.all([pulls.stop(), replayer.stop(), hydrator.stop()])
    },
  }
}
