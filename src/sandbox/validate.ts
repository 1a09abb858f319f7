// Checks request input with the shared schemas and words failures as the Laravel API does (422 + errors).
import { z } from 'zod'
import {
  channelType,
  contactCreate,
  contactPatch,
  needsPhone,
  noteContent,
  type ChannelType,
  type Contact,
  type ContactCreate,
  type ContactPatch,
} from '../shared/contact'
import type { FieldErrors } from '../shared/result'
import type { PageRequest } from './store'

export type Validated<T> = { ok: true; value: T } | { ok: false; message: string; errors: FieldErrors }

export const DEFAULT_PER_PAGE = 15
export const MAX_PER_PAGE = 100

type Input = Record<string, unknown>

/** Laravel's TrimStrings and ConvertEmptyStringsToNull middleware run before any rule. */
function normalize(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalize(inner)]))
  }
  return value
}

/** Unknown fields are ignored, as Laravel's `validated()` drops them. */
function knownFields(body: unknown, keys: readonly string[]): Input {
  const input = normalize(body)
  if (!input || typeof input !== 'object' || Array.isArray(input)) return {}
  const source = input as Input
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]))
}

function valueAt(input: Input, path: readonly PropertyKey[]): unknown {
  let value: unknown = input
  for (const key of path) value = value && typeof value === 'object' ? (value as Input)[key as string] : undefined
  return value
}

const ARTICLES: Readonly<Record<string, string>> = {
  string: 'a string',
  array: 'an array',
  number: 'an integer',
  int: 'an integer',
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  const attribute = issue.path.join('.').replaceAll('_', ' ')
  if (value === undefined || value === null) return `The ${attribute} field is required.`
  switch (issue.code) {
    case 'too_big':
      return typeof value === 'string'
        ? `The ${attribute} field must not be greater than ${issue.maximum} characters.`
        : `The ${attribute} field must not be greater than ${issue.maximum}.`
    case 'too_small':
      return typeof value === 'string'
        ? `The ${attribute} field is required.`
        : `The ${attribute} field must be at least ${issue.inclusive ? issue.minimum : Number(issue.minimum) + 1}.`
    case 'invalid_value':
      return `The selected ${attribute} is invalid.`
    case 'invalid_format':
      return issue.format === 'email'
        ? `The ${attribute} field must be a valid email address.`
        : `The ${attribute} field format is invalid.`
    case 'invalid_type':
      return `The ${attribute} field must be ${ARTICLES[issue.expected] ?? 'valid'}.`
    default:
      return `The ${attribute} field is invalid.`
  }
}

function errorsOf(issues: readonly z.core.$ZodIssue[], input: Input): FieldErrors {
  const errors: FieldErrors = {}
  // Custom issues come from the shared conditional-phone rule, which `requirePhone` words instead.
  for (const issue of issues.filter((candidate) => candidate.code !== 'custom')) {
    ;(errors[issue.path.join('.')] ??= []).push(describe(issue, valueAt(input, issue.path)))
  }
  return errors
}

/** Laravel reports fields in the order its rules list them; `tags.0` sorts with `tags`. */
function inFieldOrder(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  const rank = (key: string): number => fields.indexOf(key.split('.')[0])
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)))
}

function verdict<T>(errors: FieldErrors, value: () => T): Validated<T> {
  const messages = Object.values(errors).flat()
  const [first] = messages
  if (first === undefined) return { ok: true, value: value() }
  const more = messages.length - 1
  const message = more ? `${first} (and ${more} more error${more > 1 ? 's' : ''})` : first
  return { ok: false, message, errors }
}

function checkPhone(
  errors: FieldErrors,
  type: ChannelType | undefined,
  phone: unknown,
  isPhoneTaken: (phone: string) => boolean,
): void {
  if (errors.phone) return
  if (type && needsPhone(type) && (phone === null || phone === undefined)) {
    errors.phone = [`The phone field is required when type is ${type}.`]
  } else if (typeof phone === 'string' && isPhoneTaken(phone)) {
    errors.phone = ['The phone has already been taken.']
  }
}

export function validateCreate(body: unknown, isPhoneTaken: (phone: string) => boolean): Validated<ContactCreate> {
  const fields = Object.keys(contactCreate.shape)
  const input = knownFields(body, fields)
  // On create, null optional fields mean "not given".
  for (const key of ['phone', 'email', 'tags']) if (input[key] === null) delete input[key]
  const parsed = contactCreate.safeParse(input)
  const errors = parsed.success ? {} : errorsOf(parsed.error.issues, input)
  const type = channelType.safeParse(input.type)
  checkPhone(errors, type.success ? type.data : undefined, input.phone, isPhoneTaken)
  return verdict(inFieldOrder(errors, fields), () => contactCreate.parse(input))
}

/** A PUT may change type or clear the phone: the phone rule is checked on the contact as it would become. */
export function validatePatch(
  body: unknown,
  current: Contact,
  isPhoneTaken: (phone: string, exceptId: number) => boolean,
): Validated<ContactPatch> {
  const fields = Object.keys(contactPatch.shape)
  const input = knownFields(body, fields)
  const parsed = contactPatch.safeParse(input)
  const errors = parsed.success ? {} : errorsOf(parsed.error.issues, input)
  const type = channelType.safeParse(input.type)
  const phone = 'phone' in input ? input.phone : current.phone
  if (!errors.type) {
    checkPhone(errors, type.success ? type.data : current.type, phone, (candidate) => isPhoneTaken(candidate, current.id))
  }
  return verdict(inFieldOrder(errors, fields), () => contactPatch.parse(input))
}

const noteBody = z.object({ content: noteContent })

export function validateNote(body: unknown): Validated<string> {
  const input = knownFields(body, ['content'])
  const parsed = noteBody.safeParse(input)
  return verdict(parsed.success ? {} : errorsOf(parsed.error.issues, input), () => noteBody.parse(input).content)
}

/** `list_id` / `segment_id`: a positive integer, also accepted as a numeric string like Laravel's `integer`. */
export function validateGroupId(body: unknown, field: 'list_id' | 'segment_id'): Validated<number> {
  const input = knownFields(body, [field])
  const numeric = z.preprocess(
    (value) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value),
    z.number().int().positive(),
  )
  const parsed = z.object({ [field]: numeric }).safeParse(input)
  return verdict(parsed.success ? {} : errorsOf(parsed.error.issues, input), () => Number(input[field]))
}

const positiveInt = (raw: string | null): number | undefined =>
  raw !== null && /^\d+$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : undefined

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, '1': true, false: false, '0': false }

/** Query of GET /contacts: bad paging falls back to defaults; a bad filter value is a 422. */
export function validateListQuery(params: URLSearchParams): Validated<PageRequest> {
  const errors: FieldErrors = {}
  const request: PageRequest = {
    page: positiveInt(params.get('page')) ?? 1,
    perPage: Math.min(positiveInt(params.get('per_page')) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE),
  }
  const search = params.get('search')?.trim()
  if (search) request.search = search
  const type = params.get('type')?.trim()
  if (type) {
    const parsed = channelType.safeParse(type)
    if (parsed.success) request.type = parsed.data
    else errors.type = ['The selected type is invalid.']
  }
  const blacklisted = params.get('blacklisted')?.trim().toLowerCase()
  if (blacklisted) {
    if (blacklisted in BOOLEANS) request.blacklisted = BOOLEANS[blacklisted]
    else errors.blacklisted = ['The blacklisted field must be true or false.']
  }
  const tag = params.get('tag')?.trim()
  if (tag) request.tag = tag
  return verdict(errors, () => request)
}
