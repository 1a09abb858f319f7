// Reads Laravel's `{success, data, meta, message}` envelope and checks `data` against the shared schemas.
import { z } from 'zod'
import { contact, contactPage, type Contact, type ContactPage } from '../../shared/contact'
import { fail, ok, type Result } from '../../shared/result'

// `success` may be missing; unknown keys are ignored (zod strips them).
const envelope = z.object({
  success: z.boolean().optional(),
  data: z.unknown().optional(),
  meta: z.unknown().optional(),
  message: z.string().optional(),
})

function badShape(what: string, error: z.ZodError): Result<never> {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return fail({ kind: 'bad_response', message: `${what} had an unexpected shape${where}: ${issue?.message ?? 'invalid'}.` })
}

function open(what: string, body: unknown): Result<z.infer<typeof envelope>> {
  const parsed = envelope.safeParse(body)
  if (!parsed.success) return badShape(what, parsed.error)
  if (parsed.data.success === false) {
    return fail({ kind: 'bad_response', message: `${what} reported a failure: ${parsed.data.message ?? 'no reason given'}.` })
  }
  return ok(parsed.data)
}

/**
 * `data` checked against the schema; unknown fields dropped, absent ones left absent.
 * Write responses may omit the id of the contact they describe: `pathId` (from the URL) fills it in.
 */
export function readData<S extends z.ZodType>(what: string, body: unknown, schema: S, pathId?: number): Result<z.output<S>> {
  const opened = open(what, body)
  if (!opened.ok) return opened
  const data = opened.data.data
  const filled = pathId !== undefined && typeof data === 'object' && data !== null && !('id' in data) ? { ...data, id: pathId } : data
  const parsed = schema.safeParse(filled)
  return parsed.success ? ok(parsed.data) : badShape(what, parsed.error)
}

export function readPage(what: string, body: unknown): Result<ContactPage> {
  const opened = open(what, body)
  if (!opened.ok) return opened
  const parsed = contactPage.safeParse({ data: opened.data.data, meta: opened.data.meta })
  return parsed.success ? ok(parsed.data) : badShape(what, parsed.error)
}

// The reference's own GET example omits `last_message_at`: a full contact leaves out what is null.
const fullContact = contact.extend({
  email: contact.shape.email.default(null),
  phone: contact.shape.phone.default(null),
  last_message_at: contact.shape.last_message_at.default(null),
})

export function readContact(what: string, body: unknown): Result<Contact> {
  return readData(what, body, fullContact)
}

/** Calls that only acknowledge (add to list or segment): keep the server's message, if any. */
export function readAck(what: string, body: unknown): Result<{ message?: string }> {
  if (body === null) return ok({})
  const opened = open(what, body)
  if (!opened.ok) return opened
  return ok(opened.data.message === undefined ? {} : { message: opened.data.message })
}
