// The duplicates feature's public entry: the duplicates screen, and the scan (the bench times it). What makes two contacts the same person is contact-match/, shared with the import.
import { defineAsyncComponent } from 'vue'

// Its dialogs load on first use (a chunk of their own), so the app's first screen does not wait for them.
export const DuplicatesDialog = defineAsyncComponent(() => import('./DuplicatesDialog.vue'))
export { scanDuplicates } from './duplicates-client'
export { findDuplicateGroups } from './find-duplicates'
