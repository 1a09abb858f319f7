// What the screens say about a refusal: a short headline per kind, and what the user can do about it.
import type { ApiError } from '../../../../shared/result'

const titles: Record<ApiError['kind'], string> = {
  offline: "Can't reach the server",
  timeout: 'The server took too long to answer',
  unauthorized: 'API key refused',
  not_found: 'Not found',
  validation: 'Please check the form',
  rate_limited: 'Too many requests',
  server: 'The server had a problem',
  bad_response: 'Unexpected answer from the server',
  signed_out: 'Not signed in',
  forbidden: 'Not allowed',
  internal: 'Something went wrong in the app',
}

const hints: Partial<Record<ApiError['kind'], string>> = {
  unauthorized: 'Check that you copied the whole key and that it is still active in the SkyLight dashboard.',
  rate_limited: 'Wait a moment, then try again.',
  server: 'Try again in a moment.',
  bad_response: 'Check that the server address points to SkyLight Chat.',
}

/** Which form field a validation error is about decides its headline ("Check the API key"). */
const fieldTitles: Record<string, string> = {
  apiKey: 'Check the API key',
  baseUrl: 'Check the server address',
}

export function errorTitle(error: ApiError): string {
  if (error.kind === 'validation') {
    const field = Object.keys(error.fields).find((name) => name in fieldTitles)
    if (field) return fieldTitles[field]!
  }
  return titles[error.kind]
}

export function errorHint(error: ApiError): string | null {
  return hints[error.kind] ?? null
}
