import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** Label, hint and error for one form control (NL Design System form field). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <FormField invalid={Boolean(error)}>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </Paragraph>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

/** aria-describedby for a control with a hint and/or an error. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
