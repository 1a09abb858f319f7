// The contact details feature's public entry: the opened contact's drawer, and how a contact is reached (links, copy).
export { default as ContactDetails } from './ContactDetails.vue'
export { copyText, openReachLink, reachLinks, type ReachKind } from './reach'
