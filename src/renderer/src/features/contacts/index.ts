// The contacts feature's public entry: the contacts screen (search, filters, table, selection, its dialogs), the links it opens, its settings door.
export { default as ContactsView } from './ContactsView.vue'
export { useDeepLinks } from './deep-link-store'
export { useOpenSettings } from './open-settings'
