// The contact form feature's public entry: the dialog that creates or edits a contact, and the country picker for local numbers (the import uses it too).
export { default as ContactFormDialog } from './ContactFormDialog.vue'
export { default as CountryPicker } from './CountryPicker.vue'
export { readDefaultCountry } from './default-country'
