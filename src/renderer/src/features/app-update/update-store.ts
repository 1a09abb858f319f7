// Update store: where the app's self-update stands (main checks and downloads), and the restart that installs it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { UpdateStatus } from '../../../../shared/update-status'
import { callBridge } from '../../bridge'

export const useUpdateStore = defineStore('update', () => {
  const status = ref<UpdateStatus>({ state: 'idle' })
  let stop: () => void = () => {}

  /** Reads the status and follows main's news of it; call once at start. */
  async function watchUpdates(): Promise<void> {
    stop()
    stop = window.skylightEvents?.onUpdateStatus((next) => (status.value = next)) ?? (() => {})
    const current = await callBridge('app.updateStatus', {})
    if (current.ok) status.value = current.data
  }

  /** Installs and relaunches; main first says how many edits wait, and the user may choose later (false). */
  async function restart(): Promise<boolean> {
    const answer = await callBridge('app.restartToUpdate', {})
    return answer.ok && answer.data.restarting
  }

  return { status, watchUpdates, restart }
})
