// The account feature's public entry: the sign-in screen, the refused-key banner, who is signed in, sign-out and the new-key dialog, and the session store.
export { default as AccountStatus } from './AccountStatus.vue'
export { default as KeyRefusedBanner } from './KeyRefusedBanner.vue'
export { default as OnboardingView } from './OnboardingView.vue'
export { default as NewKeyDialog } from './NewKeyDialog.vue'
export { useSessionStore } from './session-store'
export { useSignOut } from './use-sign-out'
