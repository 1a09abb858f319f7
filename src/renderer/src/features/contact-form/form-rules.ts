// The reference's rules for a contact, checked field by field as the user types, with sentences a person understands.
import type { CountryCode } from 'libphonenumber-js/max'
import { CHANNEL_LABELS, CHANNEL_TYPES, email as emailSchema, contactName, needsPhone, tag as tagSchema, type ChannelType } from '../../../../shared/contact'
import { checkPhone, type PhoneCheck } from '../../phone/phone-number'
import { phoneProblemText } from './phone-words'
import { currentLocale, t } from '../../i18n'

export const FORM_FIELDS = ['name', 'type', 'phone', 'email', 'tags'] as const
export type FormField = (typeof FORM_FIELDS)[number]
export type FormErrors = Partial<Record<FormField, string>>

/** What the form's inputs hold, untrimmed. */
export interface ContactFormValues {
  name: string
  type: ChannelType | null
  phone: string
  email: string
  tags: string[]
}

export interface FormContext {
  /** Reads local numbers (no +); see default-country.ts. */
  defaultCountry: CountryCode | null
  /** Editing: the phone the contact already has is kept as it is, even if today's metadata would doubt it. */
  savedPhone?: string | null
}

export interface CheckedForm {
  errors: FormErrors
  phone: PhoneCheck
  /** Trimmed, without empties or repeats, in the order given. */
  tags: string[]
}

const NAME_MAX = contactName.maxLength as number
const TAG_MAX = tagSchema.maxLength as number

export function checkName(name: string): string | undefined {
  const length = name.trim().length
  if (length === 0) return t('contact-form.name.empty')
  if (length > NAME_MAX) return t('contact-form.name.tooLong', { length, max: NAME_MAX })
}

export function checkType(type: ChannelType | null): string | undefined {
  if (type !== null) return
  const channels = new Intl.ListFormat(currentLocale.value, { type: 'disjunction' }).format(CHANNEL_TYPES.map((each) => CHANNEL_LABELS[each]))
  return t('contact-form.type.missing', { channels })
}

/** Required for the channels that reach people by number (needsPhone). */
export function checkPhoneField(raw: string, type: ChannelType | null, context: FormContext): { check: PhoneCheck; error?: string } {
  if (context.savedPhone && raw.trim() === context.savedPhone) return { check: { status: 'ok', e164: context.savedPhone } }
  const check = checkPhone(raw, context.defaultCountry)
  if (check.status === 'error') return { check, error: phoneProblemText(check) }
  if (check.status === 'empty' && type !== null && needsPhone(type)) {
    return { check, error: t('contact-form.phone.required', { channel: CHANNEL_LABELS[type] }) }
  }
  return { check }
}

export function checkEmail(raw: string): string | undefined {
  const text = raw.trim()
  if (text !== '' && !emailSchema.safeParse(text).success) return t('contact-form.email.invalid')
}

export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))]
}

export function checkTags(tags: readonly string[]): string | undefined {
  const tooLong = tags.find((tag) => tag.length > TAG_MAX)
  if (tooLong) return t('contact-form.tags.tooLong', { tag: tooLong.slice(0, 20), max: TAG_MAX })
}

/** Every field at once: the form shows the errors of fields already left, and all of them on submit. */
export function checkForm(values: ContactFormValues, context: FormContext): CheckedForm {
  const phone = checkPhoneField(values.phone, values.type, context)
  const tags = cleanTags(values.tags)
  const errors: FormErrors = {
    name: checkName(values.name),
    type: checkType(values.type),
    phone: phone.error,
    email: checkEmail(values.email),
    tags: checkTags(tags),
  }
  for (const field of FORM_FIELDS) if (errors[field] === undefined) delete errors[field]
  return { errors, phone: phone.check, tags }
}
