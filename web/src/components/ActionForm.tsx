import { Button, Textbox } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy, Field } from './Field';

export interface ActionFormProps {
  /** The form's accessible name; the button's text unless given. */
  label?: string;
  button: string;
  /** A text to send with the action (a note, a reason, a bank reference); none when absent. */
  textLabel?: string;
  hint?: string;
  initial?: string;
  /** Whether the text must be filled in (it must, unless false). */
  required?: boolean;
  appearance?: 'primary-action-button' | 'secondary-action-button';
  onSubmit: (text: string) => Promise<unknown>;
  testId?: string;
  /** Fields of the action's own, shown before the text (their values are the caller's). */
  children?: ReactNode;
}

/**
 * One action on one item: an optional text and a button. The API's refusal is shown beside
 * it; on success every query of the page is refreshed. The feature gives its class names, the
 * text's longest length and the message for an empty required text (in its own words).
 */
export function ActionForm({
  label,
  button,
  textLabel,
  hint,
  initial = '',
  required = true,
  appearance = 'secondary-action-button',
  onSubmit,
  testId,
  children,
  className,
  refusalClassName,
  maxLength,
  requiredMessage,
}: ActionFormProps & {
  className: string;
  refusalClassName: string;
  maxLength: number;
  requiredMessage: (field: string) => string;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initial);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const value = text.trim();
    if (textLabel && required && value === '') {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await onSubmit(value);
      setText('');
      await queryClient.invalidateQueries();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const error = missing && textLabel ? requiredMessage(textLabel) : undefined;
  return (
    <form
      className={className}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={label ?? button}
      data-testid={testId}
    >
      {children}
      {textLabel && (
        <Field id={id} label={textLabel} hint={hint} error={error}>
          <Textbox
            id={id}
            value={text}
            maxLength={maxLength}
            onChange={(event) => setText(event.target.value)}
            invalid={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
          />
        </Field>
      )}
      <Button type="submit" appearance={appearance} busy={busy} disabled={busy}>
        {button}
      </Button>
      {failure !== undefined && (
        <div className={refusalClassName}>
          <ErrorMessage error={failure} />
        </div>
      )}
    </form>
  );
}
