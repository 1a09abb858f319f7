// What a confirmed sign-out does, in its order: main forgets the data key, then the key; only then the copy is deleted.
import type { useWorkspaceStore } from '../../workspace/workspace-store'
import type { useSessionStore } from './session-store'

/**
 * Main deletes the account's data key first (auth.clear): from that moment the offline copy on disk is unreadable,
 * even if this page never gets to delete it (a crash, a closed window). Then the copy itself goes. If main refuses,
 * nothing is deleted and the copy (with its queued edits) stays; false tells the caller to say why.
 */
export async function signOutInOrder(
  session: Pick<ReturnType<typeof useSessionStore>, 'signOut'>,
  workspace: Pick<ReturnType<typeof useWorkspaceStore>, 'forget'>,
  accountId: string | null,
): Promise<boolean> {
  if (!(await session.signOut())) return false
  if (accountId) await workspace.forget(accountId)
  return true
}
