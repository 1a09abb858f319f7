// Puts a refusal (a server 422, or the outbox's own check) at the form field it is about; the rest is shown above the form.
import type { ApiError } from '../../../../shared/result'
import { errorText } from '../../sync/sync-errors'
import { FORM_FIELDS, type FormErrors, type FormField } from './form-rules'

export interface MappedErrors {
  fields: FormErrors
  /** What no field can show: another kind of error, or a validation error about no known field. */
  general: string | null
}

const isFormField = (segment: string): segment is FormField => (FORM_FIELDS as readonly string[]).includes(segment)

/**
 * Keys come as the server sends them (`phone`, `tags.2`) or as the outbox's check names them
 * (`fields.phone` for a create, `changes.email` for an update, `1.tags.0` in a batch): the first
 * segment that names a field wins.
 */
export function formErrorsOf(error: ApiError | null | undefined): MappedErrors {
  if (!error) return { fields: {}, general: null }
  if (error.kind !== 'validation') return { fields: {}, general: errorText(error) }
  const fields: FormErrors = {}
  const unplaced: string[] = []
  for (const [key, messages] of Object.entries(error.fields)) {
    const field = key.split('.').find(isFormField)
    if (field) fields[field] = [fields[field], ...messages].filter(Boolean).join(' ')
    else unplaced.push(...messages)
  }
  const placed = Object.keys(fields).length > 0
  return { fields, general: unplaced.length > 0 ? unplaced.join(' ') : placed ? null : errorText(error) }
}
