// Signing out, confirmed first: says how many edits would be lost, forgets the key, then deletes the account's offline copy.
import { useDialog, useMessage } from 'naive-ui'
import { useSyncStore } from '../pending'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import { useSessionStore } from './session-store'

/** Edits not on the server yet would be lost with the offline copy: say how many, plainly. */
function unsyncedWarning(count: number): string | null {
  if (count === 0) return null
  return `${count.toLocaleString()} ${count === 1 ? 'edit is' : 'edits are'} not synced yet and will be lost.`
}

const hostOf = (url: string | null | undefined): string | null => {
  if (!url) return null
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export function useSignOut(): () => void {
  const session = useSessionStore()
  const sync = useSyncStore()
  const workspace = useWorkspaceStore()
  const dialog = useDialog()
  const message = useMessage()

  return () => {
    const status = session.status
    if (!status) return
    const isDemo = status.mode === 'demo'
    dialog.warning({
      title: isDemo ? 'Leave the demo?' : 'Sign out?',
      content: [
        isDemo
          ? 'You will return to the start screen, where you can connect your own account.'
          : `SkyLight Contacts will forget the API key for ${hostOf(status.baseUrl) ?? 'this account'} and delete its offline copy on this computer.`,
        unsyncedWarning(sync.unsynced),
      ]
        .filter(Boolean)
        .join(' '),
      positiveText: sync.unsynced ? 'Sign out and lose them' : 'Sign out',
      negativeText: 'Cancel',
      onPositiveClick: async () => {
        // The key goes first: if main refuses, the offline copy (and its queued edits) stays.
        const accountId = status.accountId
        if (!(await session.signOut())) {
          if (session.error) message.error(session.error.message)
          return
        }
        if (accountId) await workspace.forget(accountId)
      },
    })
  }
}
