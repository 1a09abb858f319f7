// Saving state for a contact form bound to the open account: busy while queueing, the refusal to show at the fields.
import { ref, shallowRef } from 'vue'
import type { ApiError } from '../../../../shared/result'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import type { ContactSubmission } from './form-output'
import { saveContact, type SavedContact } from './save-contact'
import { t } from '../../i18n'

export function useSaveContact() {
  const workspace = useWorkspaceStore()
  const saving = ref(false)
  /** Why the last save was refused; cleared by the next attempt. */
  const error = shallowRef<ApiError | null>(null)

  /** The saved contact, or null when refused (then `error` says why). */
  async function save(submission: ContactSubmission): Promise<SavedContact | null> {
    const db = workspace.current?.db
    if (!db) {
      error.value = { kind: 'internal', message: t('contact-form.save.signedOut') }
      return null
    }
    saving.value = true
    error.value = null
    try {
      const result = await saveContact(db, submission)
      if (!result.ok) error.value = result.error
      return result.ok ? result.data : null
    } finally {
      saving.value = false
    }
  }

  return { saving, error, save, clearError: () => (error.value = null) }
}
