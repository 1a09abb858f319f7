// Where the app's self-update stands, as main tells the page: the header offers a restart once one is ready.
import { z } from 'zod'

export const updateStatus = z.discriminatedUnion('state', [
  /** Nothing new, or not checked yet (an unpackaged app never checks). */
  z.object({ state: z.literal('idle') }).strict(),
  z.object({ state: z.literal('checking') }).strict(),
  z.object({ state: z.literal('downloading'), version: z.string().max(64), percent: z.number().min(0).max(100) }).strict(),
  /** Downloaded and its checksum verified: a restart installs it. */
  z.object({ state: z.literal('ready'), version: z.string().max(64) }).strict(),
  /** The last check or download failed (no network, a tampered file): the app stays as it is and tries again later. */
  z.object({ state: z.literal('failed'), message: z.string().max(500) }).strict(),
])
export type UpdateStatus = z.infer<typeof updateStatus>
