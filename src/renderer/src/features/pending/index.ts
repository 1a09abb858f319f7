// The pending feature's public entry: the sync indicator, the pending changes panel, a contact's unsynced changes, and the sync store.
export { default as ContactSyncState } from './ContactSyncState.vue'
export { default as PendingPanel } from './PendingPanel.vue'
export { default as SyncStatus } from './SyncStatus.vue'
export { useSyncStore } from './sync-store'
