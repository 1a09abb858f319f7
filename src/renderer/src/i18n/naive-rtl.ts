// naive-ui's right-to-left styles for the components the app uses (mirrored paddings, close buttons, arrows), for Arabic.
import {
  unstableAlertRtl,
  unstableButtonRtl,
  unstableCardRtl,
  unstableCheckboxRtl,
  unstableDialogRtl,
  unstableDrawerRtl,
  unstableInputNumberRtl,
  unstableInputRtl,
  unstableMessageRtl,
  unstableNotificationRtl,
  unstablePopoverRtl,
  unstableRadioRtl,
  unstableScrollbarRtl,
  unstableSelectRtl,
  unstableStepsRtl,
  unstableTagRtl,
  type ConfigProviderProps,
} from 'naive-ui'
import { textDirection, type AppLocale } from '../../../shared/i18n/locales'

type NaiveRtl = NonNullable<ConfigProviderProps['rtl']>

// naive-ui names them "unstable": their styles may change between its versions; the e2e in right-to-left.e2e.ts looks.
const RTL_STYLES: NaiveRtl = [
  unstableAlertRtl,
  unstableButtonRtl,
  unstableCardRtl,
  unstableCheckboxRtl,
  unstableDialogRtl,
  unstableDrawerRtl,
  unstableInputNumberRtl,
  unstableInputRtl,
  unstableMessageRtl,
  unstableNotificationRtl,
  unstablePopoverRtl,
  unstableRadioRtl,
  unstableScrollbarRtl,
  unstableSelectRtl,
  unstableStepsRtl,
  unstableTagRtl,
]

/** NConfigProvider's `rtl` for a language: the mirrored styles when it is written right to left, else none. */
export const naiveRtl = (locale: AppLocale): NaiveRtl | undefined => (textDirection(locale) === 'rtl' ? RTL_STYLES : undefined)
