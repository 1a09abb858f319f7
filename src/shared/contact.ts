// The Contact as the API describes it, and the reference's validation rules (used by forms and main).
import { z } from 'zod'
import type { MessageValues } from './i18n/message-format'
import { ruleWords } from './rule-words'

export const CHANNEL_TYPES = ['whatsapp', 'telegram', 'instagram'] as const
export const channelType = z.enum(CHANNEL_TYPES)
export type ChannelType = z.infer<typeof channelType>

/** Each channel's name as the user reads it. */
export const CHANNEL_LABELS: Readonly<Record<ChannelType, string>> = { whatsapp: 'WhatsApp', telegram: 'Telegram', instagram: 'Instagram' }

/** WhatsApp and Telegram reach people by number: a contact on them needs a phone (the API refuses one without). */
export const needsPhone = (type: ChannelType): boolean => type === 'whatsapp' || type === 'telegram'

/** The channels that need a phone, in the order of CHANNEL_TYPES. */
export const PHONE_CHANNELS: readonly ChannelType[] = CHANNEL_TYPES.filter(needsPhone)

/** Channel names as a sentence lists them: "WhatsApp and Telegram", "WhatsApp, Telegram or Instagram". */
export function channelNames(types: readonly ChannelType[], conjunction: 'and' | 'or'): string {
  const labels = types.map((type) => CHANNEL_LABELS[type])
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ${conjunction} ${labels[labels.length - 1]}` : (labels[0] ?? '')
}

export const contactStatus = z.enum(['active', 'inactive'])
export type ContactStatus = z.infer<typeof contactStatus>

/** E.164: a plus sign then 8 to 15 digits, the first not zero. */
export const E164 = /^\+[1-9]\d{7,14}$/

/** A rule's refusal, worded in the current language when the rule fails (rule-words.ts). */
const says = (key: string, values?: MessageValues) => ({ error: () => ruleWords(key, values) })

export const contactId = z.number().int().positive()
export const tag = z.string().trim().min(1, says('shared.contact.tag.empty')).max(50, says('shared.contact.tag.tooLong', { max: 50 }))
export const tags = z.array(tag)
export const contactName = z.string().trim().min(1, says('shared.contact.name.required')).max(255, says('shared.contact.name.tooLong', { max: 255 }))
export const phone = z.string().regex(E164, says('shared.contact.phone.format'))
export const email = z.email(says('shared.contact.email.invalid'))

/** A contact as GET /contacts/{id} returns it. */
export const contact = z.object({
  id: contactId,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  type: channelType,
  status: contactStatus,
  blacklisted: z.boolean(),
  tags: z.array(z.string()),
  last_message_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
})
export type Contact = z.infer<typeof contact>

/**
 * A contact as list rows and write responses may return it: only `id` is sure.
 * A missing field means "unknown", never null (API-NOTES.md).
 */
export const contactRow = contact.partial().required({ id: true })
export type ContactRow = z.infer<typeof contactRow>

/** Body of POST /contacts. */
export const contactCreate = z
  .object({
    name: contactName,
    type: channelType,
    phone: phone.optional(),
    email: email.optional(),
    tags: tags.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (needsPhone(value.type) && !value.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: ruleWords('shared.contact.phone.required', { channel: value.type }) })
    }
  })
export type ContactCreate = z.infer<typeof contactCreate>

/** Body of PUT /contacts/{id}: every field optional, only those sent change. */
export const contactPatch = z
  .object({
    name: contactName.optional(),
    type: channelType.optional(),
    phone: phone.nullable().optional(),
    email: email.nullable().optional(),
    status: contactStatus.optional(),
    tags: tags.optional(),
  })
  .strict()
export type ContactPatch = z.infer<typeof contactPatch>

export const noteContent = z
  .string()
  .trim()
  .min(1, says('shared.contact.note.empty'))
  .max(5000, says('shared.contact.note.tooLong', { max: 5000 }))

export const note = z.object({
  id: z.number().int(),
  content: z.string(),
  created_at: z.string().optional(),
})
export type Note = z.infer<typeof note>

/** Query parameters of GET /contacts, all of them. */
export const contactQuery = z
  .object({
    page: z.number().int().positive().optional(),
    per_page: z.number().int().positive().optional(),
    search: z.string().max(255).optional(),
    type: channelType.optional(),
    blacklisted: z.boolean().optional(),
    tag: z.string().max(50).optional(),
  })
  .strict()
export type ContactQuery = z.infer<typeof contactQuery>

export const pageMeta = z.object({
  current_page: z.number().int(),
  last_page: z.number().int(),
  per_page: z.number().int(),
  total: z.number().int(),
})
export type PageMeta = z.infer<typeof pageMeta>

export const contactPage = z.object({ data: z.array(contactRow), meta: pageMeta })
export type ContactPage = z.infer<typeof contactPage>

export const blacklistState = z.object({ id: contactId, blacklisted: z.boolean() })
export type BlacklistState = z.infer<typeof blacklistState>
