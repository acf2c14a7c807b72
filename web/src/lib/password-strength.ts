import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import type { Language } from '../i18n';

/**
 * Password strength from zxcvbn-ts, with the common, Dutch (nl-be) and English dictionaries
 * and feedback in the user's language. The dictionaries are large, so they load on first use
 * in their own chunk, not with the page.
 */
type Checker = (password: string, userInputs: string[]) => ZxcvbnResult;
const checkers = new Map<Language, Promise<Checker>>();

export function loadStrengthChecker(lang: Language): Promise<Checker> {
  let checker = checkers.get(lang);
  if (!checker) {
    checker = (async () => {
      const [core, common, en, nl] = await Promise.all([
        import('@zxcvbn-ts/core'),
        import('@zxcvbn-ts/language-common'),
        import('@zxcvbn-ts/language-en'),
        import('@zxcvbn-ts/language-nl-be'),
      ]);
      const factory = new core.ZxcvbnFactory({
        translations: lang === 'nl' ? nl.translations : en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary },
      });
      return (password, userInputs) => factory.check(password, userInputs);
    })();
    checkers.set(lang, checker);
  }
  return checker;
}

/** The API's rules (POST /v1/invitations/accept, POST /v1/me/password). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
/** zxcvbn score from which the app accepts a password (0–4; 3 is "safely unguessable"). */
export const MIN_SCORE = 3;
