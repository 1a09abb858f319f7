// Ambient types for the renderer: Vite's asset imports, and `.vue` imports for plain `tsc` (vue-tsc reads the real components).
/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
