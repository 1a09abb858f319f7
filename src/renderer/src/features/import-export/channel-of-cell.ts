// Reads a channel cell ("WhatsApp", "tg", "Insta") as one of the API's channel types.
import type { ChannelType } from '../../../../shared/contact'

const ALIASES: Record<string, ChannelType> = {
  wa: 'whatsapp',
  whatsapp: 'whatsapp',
  tg: 'telegram',
  telegram: 'telegram',
  ig: 'instagram',
  insta: 'instagram',
  instagram: 'instagram',
}

/** null when the cell names no channel the API knows. */
export function channelOfCell(cell: string): ChannelType | null {
  const key = cell.toLowerCase().replace(/[^a-z]/g, '')
  return ALIASES[key] ?? null
}
