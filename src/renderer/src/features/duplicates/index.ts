// The duplicates feature's public entry: the duplicates screen, and the scan (the bench times it). What makes two contacts the same person is contact-match/, shared with the import.
export { default as DuplicatesDialog } from './DuplicatesDialog.vue'
export { scanDuplicates } from './duplicates-client'
export { findDuplicateGroups } from './find-duplicates'
