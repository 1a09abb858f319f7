import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../../../shared/result'
import { formErrorsOf } from './server-errors'
import { setAppLocale } from '../../i18n'
import { syncError } from '../../sync/sync-errors'

const validation = (fields: Record<string, string[]>, message = 'The given data was invalid.'): ApiError => ({ kind: 'validation', message, fields })

describe('placing refusals at the form fields', () => {
  it.each([
    ['a server 422 on phone', { phone: ['The phone has already been taken.'] }, { phone: 'The phone has already been taken.' }],
    ['a server 422 on one tag', { 'tags.2': ['The tags.2 may not be greater than 50 characters.'] }, { tags: 'The tags.2 may not be greater than 50 characters.' }],
    ['the outbox check of a create', { 'fields.phone': ['Phone is required for whatsapp.'] }, { phone: 'Phone is required for whatsapp.' }],
    ['the outbox check of an update', { 'changes.email': ['Email is not a valid address.'] }, { email: 'Email is not a valid address.' }],
    ['the outbox check of a batch item', { '1.tags.0': ['A tag cannot be empty.'] }, { tags: 'A tag cannot be empty.' }],
    ['two messages on one field', { name: ['Too short.'], 'name.0': ['Odd.'] }, { name: 'Too short. Odd.' }],
  ])('maps %s', (_, fields, expected) => {
    expect(formErrorsOf(validation(fields))).toEqual({ fields: expected, general: null })
  })

  it('keeps messages about no known field for above the form', () => {
    expect(formErrorsOf(validation({ status: ['The status is invalid.'], email: ['Bad.'] }))).toEqual({
      fields: { email: 'Bad.' },
      general: 'The status is invalid.',
    })
  })

  it('shows the summary of a validation error without fields', () => {
    expect(formErrorsOf(validation({}, 'Invalid input.'))).toEqual({ fields: {}, general: 'Invalid input.' })
  })

  it('shows any other error above the form', () => {
    expect(formErrorsOf({ kind: 'not_found', message: 'Contact not found.' })).toEqual({ fields: {}, general: 'Contact not found.' })
    expect(formErrorsOf(null)).toEqual({ fields: {}, general: null })
  })

  it("words the page's own refusal in the current language, not the English of its message", async () => {
    const refused = syncError('internal', { code: 'changeRefused' })
    expect(formErrorsOf(refused).general).toBe('This change cannot be saved.')
    try {
      await setAppLocale('de')
      expect(formErrorsOf(refused).general).toBe('Diese Änderung kann nicht gespeichert werden.')
    } finally {
      await setAppLocale('en')
    }
  })
})
