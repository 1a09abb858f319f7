// The app-update feature's public entry: the header's restart button and the update status.
export { default as RestartToUpdate } from './RestartToUpdate.vue'
export { useUpdateStore } from './update-store'
