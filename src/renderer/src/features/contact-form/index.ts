// The contact form feature's public entry: the dialog that creates or edits a contact, the country picker for local numbers and the phone check's words (the import uses both too), and the country local numbers belong to.
import { defineAsyncComponent } from 'vue'

// Its dialogs load on first use (a chunk of their own), so the app's first screen does not wait for them.
export const ContactFormDialog = defineAsyncComponent(() => import('./ContactFormDialog.vue'))
export { default as CountryPicker } from './CountryPicker.vue'
export { defaultCountry, readDefaultCountry, saveDefaultCountry } from './default-country'
export { phoneProblemText, unusualPhoneText } from './phone-words'
