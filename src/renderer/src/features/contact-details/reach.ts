// The links that reach a contact (WhatsApp, Telegram, Instagram, call, email), opened by main's allowlisted opener; copying to the clipboard.
import { CHANNEL_LABELS, E164, type ContactRow } from '../../../../shared/contact'
import { fail, ok, type Result } from '../../../../shared/result'
import { callBridge } from '../../bridge'
import { t } from '../../i18n'

export type ReachKind = 'whatsapp' | 'telegram' | 'instagram' | 'call' | 'email'

/** `url` null when the contact gives nothing to reach them this way; `missing` then says why. */
export type ReachLink = { kind: ReachKind; label: string; url: string; missing?: undefined } | { kind: ReachKind; label: string; url: null; missing: string }

type Reachable = Pick<ContactRow, 'name' | 'phone' | 'email'>

// Instagram's rule for usernames: letters, digits, dots and underscores, at most 30.
const INSTAGRAM_HANDLE = /^@([A-Za-z0-9._]{1,30})$/
const ADDRESS = /^[^\s@]+@[^\s@]+$/

const link = (kind: ReachKind, label: string, url: string | null, missing: string): ReachLink =>
  url === null ? { kind, label, url, missing } : { kind, label, url }

/**
 * Every way to reach the contact, in a fixed order. The API knows a person by phone and email
 * only, so Telegram opens a chat by number (t.me/+<digits>, Telegram's phone link, which works
 * when the person lets others find them by number), and Instagram needs the name to be the
 * @username: the API has no Instagram username field.
 */
export function reachLinks(contact: Reachable): ReachLink[] {
  const phone = contact.phone && E164.test(contact.phone) ? contact.phone : null
  const digits = phone?.slice(1) ?? null
  const noPhone = contact.phone ? t('contact-details.reach.phoneNotInternational') : t('contact-details.reach.noPhone')
  const handle = contact.name?.trim().match(INSTAGRAM_HANDLE)?.[1] ?? null
  const email = contact.email && ADDRESS.test(contact.email) ? contact.email : null
  // List rows leave the email out: unknown is not the same as none.
  const noEmail = contact.email === undefined ? t('contact-details.reach.emailNotLoaded') : t('contact-details.reach.noEmail')
  return [
    link('whatsapp', CHANNEL_LABELS.whatsapp, digits && `https://wa.me/${digits}`, noPhone),
    link('telegram', CHANNEL_LABELS.telegram, digits && `https://t.me/+${digits}`, noPhone),
    link('instagram', CHANNEL_LABELS.instagram, handle && `https://instagram.com/${handle}`, t('contact-details.reach.noInstagram')),
    link('call', t('contact-details.reach.call'), phone && `tel:${phone}`, noPhone),
    link('email', t('contact-details.reach.email'), email && `mailto:${email.split('@').map(encodeURIComponent).join('@')}`, noEmail),
  ]
}

/** Hands the link to main, which opens it with the system only if it is on its allowlist. */
export function openReachLink(url: string): Promise<Result<null>> {
  return callBridge('shell.openExternal', { url })
}

/** Copies a phone number or address; a refusal (no focus, no permission) comes back as a message. */
export async function copyText(text: string, clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard): Promise<Result<null>> {
  if (!clipboard) return fail({ kind: 'internal', message: t('contact-details.reach.noClipboard') })
  try {
    await clipboard.writeText(text)
    return ok(null)
  } catch (cause) {
    return fail({ kind: 'internal', message: t('contact-details.reach.copyFailed', { reason: cause instanceof Error ? cause.message : String(cause) }) })
  }
}
