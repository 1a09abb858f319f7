// The data wing's own errors made from a reason, and the words a person reads for any error, in the current language.
// Errors from SkyLight or main carry their message; the page's own carry a reason (sync-reason.ts) worded at display.
import type { z } from 'zod'
import { validationError, type ApiError, type FieldErrors } from '../../../shared/result'
import { i18n, t } from '../i18n'
import type { ReasonedError, SyncReason } from './sync-reason'

const REASON_TEXT: Record<SyncReason['code'], string> = {
  noNetwork: 'sync.error.noNetwork',
  databaseFailed: 'sync.error.databaseFailed',
  pullStopped: 'sync.error.pullStopped',
  bridgeBroke: 'sync.error.bridgeBroke',
  neverCreated: 'sync.error.neverCreated',
  notInCopy: 'sync.error.notInCopy',
  noSuchChange: 'sync.error.noSuchChange',
  noConflict: 'sync.error.noConflict',
  notGone: 'sync.error.notGone',
  nothingToEdit: 'sync.error.nothingToEdit',
  changeRefused: 'sync.error.changeRefused',
  cannotRecreate: 'sync.error.cannotRecreate',
}

type Values = Record<string, string | number>
const valuesOf = ({ code: _code, ...values }: SyncReason): Values => values

/** The reason in English, for the error's `message`: what logs and exported queues read, whatever the UI's language. */
const englishText = (reason: SyncReason): string => i18n.global.t(REASON_TEXT[reason.code], valuesOf(reason), { locale: 'en' })

/** The page's own error of `kind` for `reason` (a validation error also names its fields). */
export function syncError(kind: Exclude<ApiError['kind'], 'validation' | 'rate_limited' | 'server'>, reason: SyncReason): ReasonedError
export function syncError(kind: 'validation', reason: SyncReason, fields?: FieldErrors): ReasonedError
export function syncError(kind: ApiError['kind'], reason: SyncReason, fields: FieldErrors = {}): ReasonedError {
  const message = englishText(reason)
  return (kind === 'validation' ? { kind, message, fields, reason } : { kind, message, reason }) as ReasonedError
}

/** A change the page's own checks refused: the fields say which values and why, the reason words the headline. */
export function refusedBy(issues: readonly z.core.$ZodIssue[], reason: SyncReason): ReasonedError {
  return { ...validationError(issues, englishText(reason)), reason }
}

/** What a person reads for an error: the page's own in the current language, SkyLight's or main's as it came. */
export function errorText(error: ReasonedError): string {
  return error.reason ? t(REASON_TEXT[error.reason.code], valuesOf(error.reason)) : error.message
}
