import type { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { FieldError } from '../../components/ErrorSummary';

type T = ReturnType<typeof useTranslation>['t'];

/**
 * The API's personal-data check (OUTCOME.PERSONAL_DATA) names each free-text field it
 * refused, with what it found (masked): shown at that field, in words. Other problems
 * with `errors` (VALIDATION.FAILED) are placed the same way when the field is on the form.
 */
export function personalDataErrors(
  t: T,
  error: ApiError,
  fields: Record<string, string>,
): FieldError[] {
  const found: FieldError[] = [];
  for (const e of error.errors) {
    const field = fields[e.path];
    if (!field || found.some((f) => f.field === field)) continue;
    if (error.code === 'OUTCOME.PERSONAL_DATA') {
      // "looks like personal data (phone: 06-1•••••78); reports hold counts only"
      const match = /\(([a-z _]+): ([^)]*)\)/.exec(e.message);
      const kind = match?.[1]?.replace(/ /g, '_') ?? '';
      found.push({
        field,
        message: t('plans.personalData.message', {
          kind: t(`plans.personalData.kinds.${kind}`, {
            defaultValue: t('plans.personalData.kinds.other'),
          }),
          masked: match?.[2] ?? '',
        }),
      });
    } else found.push({ field, message: e.message });
  }
  return found;
}
