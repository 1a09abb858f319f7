// What the screens say about a refusal: a short headline per kind, and what the user can do about it.
import type { ApiError } from '../../../../shared/result'
import { t } from '../../i18n'

const TITLES: Record<ApiError['kind'], string> = {
  offline: 'account.error.offline',
  timeout: 'account.error.timeout',
  unauthorized: 'account.error.unauthorized',
  not_found: 'account.error.notFound',
  validation: 'account.error.validation',
  rate_limited: 'account.error.rateLimited',
  server: 'account.error.server',
  bad_response: 'account.error.badResponse',
  signed_out: 'account.error.signedOut',
  forbidden: 'account.error.forbidden',
  internal: 'account.error.internal',
}

const HINTS: Partial<Record<ApiError['kind'], string>> = {
  unauthorized: 'account.hint.unauthorized',
  rate_limited: 'account.hint.rateLimited',
  server: 'account.hint.server',
  bad_response: 'account.hint.badResponse',
}

/** Which form field a validation error is about decides its headline ("Check the API key"). */
const FIELD_TITLES: Record<string, string> = {
  apiKey: 'account.error.checkApiKey',
  baseUrl: 'account.error.checkServer',
}

export function errorTitle(error: ApiError): string {
  if (error.kind === 'validation') {
    const field = Object.keys(error.fields).find((name) => name in FIELD_TITLES)
    if (field) return t(FIELD_TITLES[field]!)
  }
  return t(TITLES[error.kind])
}

export function errorHint(error: ApiError): string | null {
  const hint = HINTS[error.kind]
  return hint ? t(hint) : null
}
