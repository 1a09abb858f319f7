// Links into the app (`skylight-contacts://contact/42`, `skylight-contacts://search?q=…`): their scheme and checked shape.
import { z } from 'zod'
import { contactId } from './contact'

export const DEEP_LINK_SCHEME = 'skylight-contacts'

/** What a link may ask: open one contact, or show a search. */
export const deepLink = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), id: contactId }).strict(),
  z.object({ kind: z.literal('search'), query: z.string().min(1).max(200) }).strict(),
])
export type DeepLink = z.infer<typeof deepLink>

/** Main → page: a link opened the app, checked (`link`) or refused with the reason (`refused`). */
export const deepLinkEvent = z.union([
  z.object({ link: deepLink }).strict(),
  z.object({ refused: z.string().min(1).max(300) }).strict(),
])
export type DeepLinkEvent = z.infer<typeof deepLinkEvent>
