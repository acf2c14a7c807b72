import type { Lang } from './format.js';

/**
 * The language a response speaks: `lang` when the request names one, else the first of
 * Dutch and English in the caller's Accept-Language (by weight, then order), else Dutch.
 */
export function requestLanguage(query: Lang | undefined, acceptLanguage: string | undefined): Lang {
  if (query) return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        lang: tag.trim().toLowerCase().split('-')[0],
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) if (entry.lang === 'nl' || entry.lang === 'en') return entry.lang;
  return 'nl';
}
