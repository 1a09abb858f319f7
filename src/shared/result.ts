// Errors as values: every call across IPC answers {ok:true,data} or {ok:false,error}; nothing throws.
import { z } from 'zod'
import { ruleWords } from './rule-words'

export const fieldErrors = z.record(z.string(), z.array(z.string()))
export type FieldErrors = z.infer<typeof fieldErrors>

const message = z.string()

/** Every way a call can fail, as the UI needs to tell them apart. */
export const apiError = z.discriminatedUnion('kind', [
  /** The host could not be reached (no network, DNS, refused). */
  z.object({ kind: z.literal('offline'), message }),
  z.object({ kind: z.literal('timeout'), message }),
  /** 401: the key is wrong or revoked. */
  z.object({ kind: z.literal('unauthorized'), message }),
  z.object({ kind: z.literal('not_found'), message }),
  /** 422 from the server, or arguments refused by the contract before any request. */
  z.object({ kind: z.literal('validation'), message, fields: fieldErrors }),
  z.object({ kind: z.literal('rate_limited'), message, retryAfterMs: z.number().nonnegative() }),
  z.object({ kind: z.literal('server'), message, status: z.number().int() }),
  /** The server answered something we cannot read. */
  z.object({ kind: z.literal('bad_response'), message }),
  /** No key is set: the user must sign in or start the demo. */
  z.object({ kind: z.literal('signed_out'), message }),
  /** The caller is not the app's own page. */
  z.object({ kind: z.literal('forbidden'), message }),
  /** A bug on our side, caught at the boundary. */
  z.object({ kind: z.literal('internal'), message }),
])
export type ApiError = z.infer<typeof apiError>
export type ErrorKind = ApiError['kind']

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = <T = never>(error: ApiError): Result<T> => ({ ok: false, error })

export const resultOf = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: apiError }),
  ])

/** Turns a zod failure into a `validation` error whose fields name the offending paths. */
export function validationError(issues: readonly z.core.$ZodIssue[], summary = ruleWords('shared.result.invalidInput')): ApiError {
  const fields: FieldErrors = {}
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  const first = issues[0]?.message
  return { kind: 'validation', message: first ? `${summary} ${first}` : summary, fields }
}
