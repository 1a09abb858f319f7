// The contact form feature's public entry: the dialog that creates or edits a contact, the country picker for local numbers and the phone check's words (the import uses both too), and the country local numbers belong to.
export { default as ContactFormDialog } from './ContactFormDialog.vue'
export { default as CountryPicker } from './CountryPicker.vue'
export { defaultCountry, readDefaultCountry, saveDefaultCountry } from './default-country'
export { phoneProblemText, unusualPhoneText } from './phone-words'
