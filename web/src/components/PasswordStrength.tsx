import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { loadStrengthChecker, PASSWORD_MIN } from '../lib/password-strength';

export interface Strength {
  score: number;
  warning: string | null;
  suggestions: string[];
}

/** Estimates a password's strength as it is typed; undefined while the dictionaries load. */
export function usePasswordStrength(password: string, userInputs: string[]): Strength | undefined {
  const [strength, setStrength] = useState<Strength>();
  const lang = currentLanguage();
  const inputs = userInputs.join('\n');
  useEffect(() => {
    let live = true;
    void loadStrengthChecker(lang).then((check) => {
      if (!live) return;
      const result = check(password, inputs.split('\n').filter(Boolean));
      setStrength({
        score: result.score,
        warning: result.feedback.warning,
        suggestions: result.feedback.suggestions,
      });
    });
    return () => {
      live = false;
    };
  }, [password, inputs, lang]);
  return password === '' ? undefined : strength;
}

/**
 * The strength under a password field: a meter and the words for it, the library's warning
 * and suggestions. Announced politely as it changes.
 */
export function PasswordStrength({
  id,
  strength,
  length,
}: {
  id: string;
  strength: Strength | undefined;
  length: number;
}) {
  const { t } = useTranslation();
  return (
    <div id={id} className="ib-strength" aria-live="polite">
      {length > 0 && strength && (
        <>
          <meter
            min={0}
            max={4}
            low={2}
            high={3}
            optimum={4}
            value={strength.score}
            aria-label={t('password.strengthLabel')}
          />
          <Paragraph>
            {t('password.strength', { level: t(`password.levels.${strength.score}`) })}
            {length < PASSWORD_MIN && ` ${t('password.tooShort', { count: PASSWORD_MIN })}`}
          </Paragraph>
          {strength.warning && <Paragraph>{strength.warning}</Paragraph>}
          {strength.suggestions.length > 0 && (
            <ul className="utrecht-unordered-list">
              {strength.suggestions.map((s) => (
                <li key={s} className="utrecht-unordered-list__item">
                  {s}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** The field error for a new password, or undefined when it may be used. */
export function passwordProblem(
  password: string,
  strength: Strength | undefined,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | undefined {
  if (password === '') return t('password.required');
  if (password.length < PASSWORD_MIN) return t('password.tooShort', { count: PASSWORD_MIN });
  if (password.length > 256) return t('password.tooLong');
  if (strength && strength.score < 3) return t('password.tooWeak');
  return undefined;
}

/** The field error for a password the API refused by its policy (PASSWORD.*), if it did. */
export function serverPasswordProblem(
  error: unknown,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'PASSWORD.TOO_COMMON') return t('password.tooCommon');
  if (code === 'PASSWORD.TOO_REPETITIVE') return t('password.tooRepetitive');
  if (code === 'VALIDATION.FAILED') return t('password.rules', { count: PASSWORD_MIN });
  return undefined;
}
