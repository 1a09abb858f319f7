// A contact form's live state: values, which errors to show (a field's after it is left, all after a submit), server refusals until edited.
import { computed, reactive, ref, watch } from 'vue'
import type { CountryCode } from 'libphonenumber-js/max'
import type { ContactRow } from '../../../../shared/contact'
import type { ApiError } from '../../../../shared/result'
import { readDefaultCountry, saveDefaultCountry } from './default-country'
import { initialValues, toSubmission, type FormOutcome } from './form-output'
import { checkForm, type FormField } from './form-rules'
import { formErrorsOf } from './server-errors'
import { phoneDoubtText } from './phone-words'
import { t } from '../../i18n'

export type Feedback = { status?: 'error' | 'warning'; text: string } | null

export function useFormState(contact: () => ContactRow | null, serverError: () => ApiError | null | undefined) {
  const values = reactive(initialValues(contact()))
  const country = ref<CountryCode | null>(readDefaultCountry())
  const touched = reactive(new Set<FormField>())
  /** Server errors of fields edited since: the value they were about is gone. */
  const edited = reactive(new Set<FormField>())
  const submitted = ref(false)
  /** A refusal of the last local check that no field shows. */
  const localGeneral = ref<string | null>(null)

  const context = () => ({ defaultCountry: country.value, savedPhone: contact()?.phone })
  const checked = computed(() => checkForm(values, context()))
  const server = computed(() => formErrorsOf(serverError()))

  watch(serverError, () => edited.clear())
  // A new contact to edit starts over; a refresh of the same one (liveQuery) keeps what the user typed.
  watch(
    () => contact()?.id,
    () => {
      Object.assign(values, initialValues(contact()))
      touched.clear()
      edited.clear()
      submitted.value = false
    },
  )

  function errorOf(field: FormField): string | undefined {
    const local = touched.has(field) || submitted.value ? checked.value.errors[field] : undefined
    return local ?? (edited.has(field) ? undefined : server.value.fields[field])
  }

  /** The phone's error, else the E.164 it will save when that differs from what was typed (with a doubt about the number, once left). */
  const phoneFeedback = computed<Feedback>(() => {
    const error = errorOf('phone')
    if (error) return { status: 'error', text: error }
    const phone = checked.value.phone
    if (phone.status !== 'ok') return null
    const shown = touched.has('phone') || submitted.value
    const saved = values.phone.trim() === phone.e164 ? null : t('contact-form.phone.savedAs', { phone: phone.e164 })
    const doubt = phoneDoubtText(phone)
    if (doubt && shown) return { status: 'warning', text: saved ? `${saved} ${doubt}` : doubt }
    return saved ? { text: saved } : null
  })

  function setCountry(next: CountryCode): void {
    country.value = next
    saveDefaultCountry(next)
  }

  /** Marks every field as shown and returns the checked submission. */
  function attempt(): FormOutcome {
    submitted.value = true
    const outcome = toSubmission(values, contact(), context())
    localGeneral.value = outcome.ok ? null : (outcome.general ?? null)
    return outcome
  }

  const general = computed(() => localGeneral.value ?? server.value.general)

  return {
    values,
    country,
    checked,
    general,
    phoneFeedback,
    errorOf,
    setCountry,
    attempt,
    touch: (field: FormField) => touched.add(field),
    markEdited: (field: FormField) => edited.add(field),
  }
}
