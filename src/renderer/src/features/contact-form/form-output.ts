// From the form's values to what the outbox takes: a valid contactCreate, or a contactPatch of the fields the user changed.
import type { z } from 'zod'
import { contactCreate, contactPatch, type ContactCreate, type ContactPatch, type ContactRow } from '../../../../shared/contact'
import { validationError } from '../../../../shared/result'
import { checkForm, type ContactFormValues, type FormContext, type FormErrors } from './form-rules'
import { formErrorsOf } from './server-errors'
import { t } from '../../i18n'

export type ContactSubmission = { mode: 'create'; fields: ContactCreate } | { mode: 'edit'; id: number; patch: ContactPatch }

export type FormOutcome = { ok: true; submission: ContactSubmission } | { ok: false; errors: FormErrors; general?: string | null }

/** The form's starting values: empty for a new contact, the row's for an edit (unknown fields start empty). */
export function initialValues(row: ContactRow | null): ContactFormValues {
  return { name: row?.name ?? '', type: row?.type ?? null, phone: row?.phone ?? '', email: row?.email ?? '', tags: [...(row?.tags ?? [])] }
}

/**
 * Checks the values and builds the submission. An edit carries only the fields whose input the
 * user changed: a field the (possibly partial) row did not know is never sent as a blank.
 */
export function toSubmission(values: ContactFormValues, row: ContactRow | null, context: FormContext): FormOutcome {
  const checked = checkForm(values, { ...context, savedPhone: row?.phone })
  if (Object.keys(checked.errors).length > 0) return { ok: false, errors: checked.errors }
  const phone = checked.phone.status === 'ok' ? checked.phone.e164 : null
  const email = values.email.trim() || null
  const name = values.name.trim()
  if (row === null) {
    const body = { name, type: values.type, ...(phone && { phone }), ...(email && { email }), ...(checked.tags.length > 0 && { tags: checked.tags }) }
    return parsed(contactCreate.safeParse(body), (fields) => ({ mode: 'create', fields }))
  }
  const before = initialValues(row)
  const patch: ContactPatch = {}
  if (values.name !== before.name) patch.name = name
  if (values.type !== before.type && values.type !== null) patch.type = values.type
  if (values.phone !== before.phone) patch.phone = phone
  if (values.email !== before.email) patch.email = email
  if (!sameTags(checked.tags, before.tags)) patch.tags = checked.tags
  return parsed(contactPatch.safeParse(patch), (checkedPatch) => ({ mode: 'edit', id: row.id, patch: checkedPatch }))
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((tag, i) => tag === b[i])

// The form's rules mirror the shared schema; parsing again makes "what is emitted is valid" hold by construction.
function parsed<T>(result: z.ZodSafeParseResult<T>, wrap: (data: T) => ContactSubmission): FormOutcome {
  if (result.success) return { ok: true, submission: wrap(result.data) }
  const mapped = formErrorsOf(validationError(result.error.issues, t('contact-form.refused')))
  return { ok: false, errors: mapped.fields, general: mapped.general }
}
