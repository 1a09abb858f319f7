// Signing out, confirmed first: says how many edits would be lost, forgets the keys, then deletes the account's offline copy.
import { useDialog, useMessage } from 'naive-ui'
import { t } from '../../i18n'
import { useSyncStore } from '../pending'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import { useSessionStore } from './session-store'
import { signOutInOrder } from './sign-out-steps'

/** Edits not on the server yet would be lost with the offline copy: say how many, plainly. */
function unsyncedWarning(count: number): string | null {
  return count === 0 ? null : t('account.signOut.unsynced', { count })
}

/** What leaving forgets: the demo only returns to the start; an account loses its key and its offline copy. */
function leavingText(isDemo: boolean, host: string | null): string {
  if (isDemo) return t('account.signOut.demoText')
  return host ? t('account.signOut.accountText', { host }) : t('account.signOut.accountTextNoHost')
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
      title: isDemo ? t('account.signOut.demoTitle') : t('account.signOut.title'),
      content: [leavingText(isDemo, hostOf(status.baseUrl)), unsyncedWarning(sync.unsynced)].filter(Boolean).join(' '),
      positiveText: sync.unsynced ? t('account.signOut.loseThem') : t('account.signOut.button'),
      negativeText: t('account.cancel'),
      onPositiveClick: async () => {
        if (!(await signOutInOrder(session, workspace, status.accountId)) && session.error) message.error(session.error.message)
      },
    })
  }
}
