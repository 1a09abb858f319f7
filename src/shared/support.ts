// What the page reports to main for support: its own errors, and its sync state for the diagnostics text.
import { z } from 'zod'

export const rendererError = z
  .object({
    /** Where it was caught: a thrown error, a rejected promise nobody handled, or Vue's error handler. */
    source: z.enum(['error', 'unhandledrejection', 'vue']),
    message: z.string().max(2_000),
    stack: z.string().max(8_000).optional(),
  })
  .strict()
export type RendererError = z.infer<typeof rendererError>

/** The header's sync facts, as the diagnostics text states them. */
export const syncSnapshot = z
  .object({
    reachability: z.enum(['unknown', 'online', 'offline', 'unauthorized']),
    lastSyncedAt: z.string().max(40).nullable(),
    unsynced: z.number().int().nonnegative(),
    needsAttention: z.number().int().nonnegative(),
    pull: z.enum(['idle', 'running', 'failed']),
  })
  .strict()
export type SyncSnapshot = z.infer<typeof syncSnapshot>

/** After the page crashed and main reloaded it: why, and when. */
export const crashNotice = z.object({ reason: z.string().max(100), at: z.string().max(40) }).strict()
export type CrashNotice = z.infer<typeof crashNotice>
