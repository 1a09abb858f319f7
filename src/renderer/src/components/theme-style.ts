// The theme's colours as CSS variables for a component's own styles: `v-bind()` in a style cannot reach a dialog teleported out of its component.
import { computed, type ComputedRef } from 'vue'
import { useThemeVars } from 'naive-ui'

/** Put on the element whose styles use them: `var(--ui-primary)`, `var(--ui-border)`… */
export function useThemeStyle(): ComputedRef<Record<string, string>> {
  const vars = useThemeVars()
  return computed(() => ({
    '--ui-primary': vars.value.primaryColor,
    '--ui-border': vars.value.borderColor,
    '--ui-divider': vars.value.dividerColor,
    '--ui-action': vars.value.actionColor,
    '--ui-header': vars.value.tableHeaderColor,
    '--ui-text-2': vars.value.textColor2,
    '--ui-text-3': vars.value.textColor3,
    '--ui-error': vars.value.errorColor,
    '--ui-warning': vars.value.warningColor,
    '--ui-warning-strong': vars.value.warningColorPressed,
    '--ui-success': vars.value.successColor,
    '--ui-info': vars.value.infoColor,
  }))
}
