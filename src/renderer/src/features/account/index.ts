// The account feature's public entry: the sign-in screen, the refused-key banner, who is signed in (and sign-out), and the session store.
export { default as AccountStatus } from './AccountStatus.vue'
export { default as KeyRefusedBanner } from './KeyRefusedBanner.vue'
export { default as OnboardingView } from './OnboardingView.vue'
export { useSessionStore } from './session-store'
