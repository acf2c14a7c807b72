import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink';
import { fieldOf, type Plan } from './plan-steps';

/**
 * "Wat ontbreekt nog": the API's completeness list, each item in plain words and a link to
 * the step and field where it is filled in. Empty: the plan can be submitted.
 */
export function MissingList({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan-missing">
      <Heading2 id="plan-missing">{t('plans.missing.title')}</Heading2>
      {plan.completeness.length === 0 ? (
        <Paragraph>{t('plans.missing.none')}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list" aria-labelledby="plan-missing">
          {plan.completeness.map((issue, index) => {
            const field = fieldOf(issue.path);
            const text = missingText(t, issue.path, issue.message);
            return (
              <li key={index} className="utrecht-unordered-list__item">
                {field ? (
                  <AppLink to={`/plans/${plan.id}/edit/${field.step}#${field.id}`}>{text}</AppLink>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** A completeness issue in words: "required" or a rule between fields (the API's message says which). */
function missingText(t: T, path: string, message: string): string {
  const rule = /must be on or after/.test(message)
    ? 'order'
    : /must not exceed/.test(message)
      ? 'exceeds'
      : /add up to/.test(message)
        ? 'sum'
        : 'missing';
  return t(`plans.missing.${rule}.${path}`, {
    defaultValue: t(`plans.missing.missing.${path}`, { defaultValue: `${path}: ${message}` }),
  });
}
