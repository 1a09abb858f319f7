// For tests: a full contact as GET /contacts/{id} returns it, with whatever a test cares about overridden.
import type { Contact } from '../contact'

export function aContact(overrides: Partial<Contact> & Pick<Contact, 'id'>): Contact {
  return {
    name: `Contact ${overrides.id}`,
    email: null,
    phone: null,
    type: 'instagram',
    status: 'active',
    blacklisted: false,
    tags: [],
    last_message_at: null,
    created_at: '2026-03-04T10:00:00.000000Z',
    updated_at: '2026-03-04T10:00:00.000000Z',
    ...overrides,
  }
}
