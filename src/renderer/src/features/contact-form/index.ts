// The contact form feature's public entry: the dialog that creates or edits a contact.
export { default as ContactFormDialog } from './ContactFormDialog.vue'
