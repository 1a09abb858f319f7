// Hydration's entry point: the background fill of every contact's details and notes, and what the UI reads and marks of it.
export { createHydrator, DEFAULT_REFRESH_MS, type Hydrator, type HydratorOptions, type HydrationState, type HydrationStatus } from './hydrator'
export { storeServerNotes } from './server-notes'
export { keepOfflineFirst, keptOfflineFirst, noteOpened, sameFilters } from './hydration-marks'
export { HYDRATE } from './hydrate-contact'
export { detailsReadAt } from './details-age'
