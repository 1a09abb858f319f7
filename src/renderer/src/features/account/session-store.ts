// Session store: who is signed in (account, demo or nobody), as main reports it through `auth.*`.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { callBridge } from '../../bridge'
import type { AuthStatus } from '../../../../shared/contract'
import type { ApiError, Result } from '../../../../shared/result'

export type SessionAction = 'status' | 'setKey' | 'replaceKey' | 'demo' | 'signOut'

export const useSessionStore = defineStore('session', () => {
  const status = ref<AuthStatus | null>(null)
  /** The call in flight, so each button shows its own spinner. */
  const pending = ref<SessionAction | null>(null)
  /** The last refusal, shown where the user acted (onboarding form, start-up screen). */
  const error = ref<ApiError | null>(null)

  const signedIn = computed(() => status.value !== null && status.value.mode !== 'signed_out')

  async function run(action: SessionAction, call: () => Promise<Result<AuthStatus>>): Promise<boolean> {
    pending.value = action
    error.value = null
    const result = await call()
    pending.value = null
    if (!result.ok) {
      error.value = result.error
      return false
    }
    status.value = result.data
    return true
  }

  const load = () => run('status', () => callBridge('auth.status', {}))
  const setKey = (apiKey: string, baseUrl: string) => run('setKey', () => callBridge('auth.setKey', { apiKey, baseUrl }))
  /** The account's key was refused: `apiKey` replaces it for the same account, keeping its offline copy and queue. */
  const replaceKey = (apiKey: string) =>
    run('replaceKey', () => callBridge('auth.setKey', { apiKey, baseUrl: status.value?.baseUrl ?? '', keepAccount: true }))
  const startDemo = () => run('demo', () => callBridge('demo.start', {}))
  const signOut = () => run('signOut', () => callBridge('auth.clear', {}))

  function clearError(): void {
    error.value = null
  }

  return { status, pending, error, signedIn, load, setKey, replaceKey, startDemo, signOut, clearError }
})
