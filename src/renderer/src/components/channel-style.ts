// How each channel and a contact's initials look, shared by the table and the details panel.
import { CHANNEL_LABELS, type ChannelType } from '../../../shared/contact'

/** `color` tints; `ink` is its text on that tint, darker on light and lighter on dark themes (4.5:1 or more, WCAG AA). */
export const CHANNELS: Record<ChannelType, { label: string; color: string; ink: { light: string; dark: string } }> = {
  whatsapp: { label: CHANNEL_LABELS.whatsapp, color: '#1f9d55', ink: { light: '#136b3a', dark: '#5fd393' } },
  telegram: { label: CHANNEL_LABELS.telegram, color: '#2a8fd0', ink: { light: '#17649a', dark: '#7cc0f0' } },
  instagram: { label: CHANNEL_LABELS.instagram, color: '#d6307a', ink: { light: '#ad1f5e', dark: '#f48ab8' } },
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

/**
 * The colours that depend on the theme, as CSS custom properties on the document (dialogs and drawers
 * live outside the app's root): channel inks, muted text, and the lightness of initials on their tinted circle.
 */
export function themeInks(dark: boolean): Record<string, string> {
  const inks = Object.fromEntries(Object.entries(CHANNELS).map(([type, channel]) => [`--ink-${type}`, dark ? channel.ink.dark : channel.ink.light]))
  // naive-ui's textColor3 as theme.ts sets it: secondary text that still reads at 4.5:1.
  return { ...inks, '--muted-text': dark ? 'rgba(255, 255, 255, 0.62)' : '#5c6166', '--avatar-ink': dark ? '70% 80%' : '60% 27%', '--avatar-tint': dark ? '55% 55% / 0.2' : '60% 50% / 0.16' }
}

/** A stable, calm colour per contact, so a face is recognised at a glance. */
export function avatarHue(id: number): number {
  return AVATAR_HUES[Math.abs(id) % AVATAR_HUES.length]
}
