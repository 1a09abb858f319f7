// The contacts feature's public entry: the contacts screen (search, filters, table, selection, its dialogs).
export { default as ContactsView } from './ContactsView.vue'
