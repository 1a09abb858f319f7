import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { initialValues, toSubmission } from './form-output'

const context = { defaultCountry: 'FR' as const }
const row: ContactRow = { id: 7, name: 'Ada', type: 'whatsapp', phone: '+33612345678', email: null, tags: ['a'], blacklisted: false }

describe('building what the form submits', () => {
  it('creates with trimmed values, the E.164 phone, and no empty optional fields', () => {
    const values = { name: ' Léa Martin ', type: 'telegram' as const, phone: '06 11 22 33 44', email: ' ', tags: [' fair ', 'fair'] }
    expect(toSubmission(values, null, context)).toEqual({
      ok: true,
      submission: { mode: 'create', fields: { name: 'Léa Martin', type: 'telegram', phone: '+33611223344', tags: ['fair'] } },
    })
  })

  it('refuses an invalid create with its field errors', () => {
    expect(toSubmission({ ...initialValues(null), name: 'X', type: 'whatsapp' }, null, context)).toEqual({
      ok: false,
      errors: { phone: 'A phone number is required for WhatsApp contacts.' },
    })
  })

  it('edits only the fields the user changed', () => {
    const values = { ...initialValues(row), email: 'ada@example.com', tags: ['a', 'vip'] }
    expect(toSubmission(values, row, context)).toEqual({ ok: true, submission: { mode: 'edit', id: 7, patch: { email: 'ada@example.com', tags: ['a', 'vip'] } } })
  })

  it('clears a phone or email the user emptied', () => {
    const instagram = { ...row, type: 'instagram' as const, email: 'ada@example.com' }
    const values = { ...initialValues(instagram), phone: '', email: '' }
    expect(toSubmission(values, instagram, context)).toMatchObject({ submission: { patch: { phone: null, email: null } } })
  })

  it('never sends a blank for a field the partial row did not know', () => {
    const partial: ContactRow = { id: 8, name: 'Bo', type: 'instagram', tags: [] }
    expect(toSubmission({ ...initialValues(partial), name: 'Bo B' }, partial, context)).toEqual({
      ok: true,
      submission: { mode: 'edit', id: 8, patch: { name: 'Bo B' } },
    })
  })

  it('submits an empty patch when nothing changed', () => {
    expect(toSubmission(initialValues(row), row, context)).toEqual({ ok: true, submission: { mode: 'edit', id: 7, patch: {} } })
  })
})
