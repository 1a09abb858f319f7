// Why the page itself refused or failed (not SkyLight, not main): a code and its values, never words, so a stored
// error reads in whatever language the UI speaks when it is shown (sync-errors.ts words it).
import { z } from 'zod'
import { apiError, type ApiError } from '../../../shared/result'

const seq = z.number()
export const syncReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('noNetwork') }),
  z.object({ code: z.literal('databaseFailed'), detail: z.string() }),
  z.object({ code: z.literal('pullStopped'), detail: z.string() }),
  z.object({ code: z.literal('bridgeBroke'), detail: z.string() }),
  z.object({ code: z.literal('neverCreated') }),
  z.object({ code: z.literal('notInCopy'), contactId: z.number() }),
  z.object({ code: z.literal('noSuchChange'), seq }),
  z.object({ code: z.literal('noConflict'), seq, field: z.string() }),
  z.object({ code: z.literal('notGone'), seq }),
  z.object({ code: z.literal('nothingToEdit'), seq }),
  z.object({ code: z.literal('changeRefused') }),
  z.object({ code: z.literal('cannotRecreate') }),
])
export type SyncReason = z.infer<typeof syncReason>

/** An error as the data wing stores and returns it: SkyLight's or main's as is, the page's own with its reason. */
export const reasonedError = apiError.and(z.object({ reason: syncReason.optional() }))
export type ReasonedError = ApiError & { reason?: SyncReason }
