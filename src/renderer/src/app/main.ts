// Renderer entry: mounts the Vue app with its Pinia stores.
// Must stay the first import: it configures zod before any schema module loads.
import './zod-config'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import './app.css'

createApp(App).use(createPinia()).mount('#app')
