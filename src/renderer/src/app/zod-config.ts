// Runs before any schema is built: zod must not probe `new Function` (its JIT), which the CSP forbids.
import { config } from 'zod'

config({ jitless: true })
