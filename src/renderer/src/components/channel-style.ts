// How each channel and a contact's initials look, shared by the table and the details panel.
import { CHANNEL_LABELS, type ChannelType } from '../../../shared/contact'

export const CHANNELS: Record<ChannelType, { label: string; color: string }> = {
  whatsapp: { label: CHANNEL_LABELS.whatsapp, color: '#1f9d55' },
  telegram: { label: CHANNEL_LABELS.telegram, color: '#2a8fd0' },
  instagram: { label: CHANNEL_LABELS.instagram, color: '#d6307a' },
}

/** Up to two initials, from the first and last words, in any script. */
export function initials(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = Array.from(words[0])[0] ?? ''
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : ''
  return (first + last).toLocaleUpperCase()
}

const AVATAR_HUES = [210, 160, 280, 25, 340, 190, 45, 120]

/** A stable, calm colour per contact, so a face is recognised at a glance. */
export function avatarHue(id: number): number {
  return AVATAR_HUES[Math.abs(id) % AVATAR_HUES.length]
}
