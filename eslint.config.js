// Lint rules for TypeScript and Vue single-file components, and the import boundaries between the rooms of the house.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import { BOUNDARIES } from './lint/boundaries.js'
import importBoundaries from './lint/import-boundaries.js'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'security/node_modules/**', 'coverage/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.vue'],
    plugins: { local: { rules: { 'import-boundaries': importBoundaries } } },
    rules: { 'local/import-boundaries': ['error', BOUNDARIES] },
  },
  {
    files: ['src/renderer/src/**/*.vue'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Components read the mirror through a store or useLiveQuery (db/use-live-query.ts).' }] }],
    },
  },
)
