// Renderer entry: mounts the Vue app with its Pinia stores.
// Must stay the first import: it configures zod before any schema module loads.
import './zod-config'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { installErrorReporting } from '../features/support'
import { levelCardHeadings } from '../components/card-heading-level'
import { i18n } from '../i18n'
import './app.css'

const app = createApp(App).use(createPinia()).use(i18n)
// Errors nobody caught go to main's log too, for support.
installErrorReporting(app)
app.mount('#app')
levelCardHeadings()
