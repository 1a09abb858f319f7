// For the sandbox's own tests: calls a running sandbox over real HTTP and reads the JSON envelope.
import type { PageMeta } from '../../shared/contact'
import type { FieldErrors } from '../../shared/result'
import type { SandboxServer } from '../sandbox-server'

/** Every field the API's envelopes can carry; a test reads those its call returns. */
export interface Envelope<T> {
  success: boolean
  data: T
  meta: PageMeta
  message: string
  errors: FieldErrors
}

export interface Answer<T> {
  status: number
  headers: Headers
  /** Raw body text: empty for a 204, HTML for an injected failure. */
  text: string
  body: Envelope<T>
}

export interface CallOptions {
  body?: unknown
  /** Null sends no Authorization header at all. */
  key?: string | null
}

export function testClient(sandbox: Pick<SandboxServer, 'baseUrl' | 'apiKey'>) {
  async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const key = options.key === undefined ? sandbox.apiKey : options.key
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (key !== null) headers.Authorization = `Bearer ${key}`
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await response.text()
    const json = response.headers.get('content-type')?.includes('application/json') ? JSON.parse(text) : {}
    return { status: response.status, headers: response.headers, text, body: json as Envelope<T> }
  }
  return {
    get: <T>(path: string, options?: CallOptions) => call<T>('GET', path, options),
    post: <T>(path: string, body?: unknown, options?: CallOptions) => call<T>('POST', path, { ...options, body }),
    put: <T>(path: string, body: unknown, options?: CallOptions) => call<T>('PUT', path, { ...options, body }),
    delete: <T>(path: string, options?: CallOptions) => call<T>('DELETE', path, options),
  }
}
