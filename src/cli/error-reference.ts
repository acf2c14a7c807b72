import { fileURLToPath } from 'node:url';
import { type ErrorCode, errorCatalogue } from '../lib/error-catalogue.js';

/** docs/errors.md, written by `npm run openapi` from the catalogue and checked by `npm run openapi:check`. */
export const ERROR_REFERENCE_FILE = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderErrorReference(): string {
  const byArea = new Map<string, ErrorCode[]>();
  for (const code of (Object.keys(errorCatalogue) as ErrorCode[]).sort()) {
    const area = code.split('.')[0]!;
    byArea.set(area, [...(byArea.get(area) ?? []), code]);
  }
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from src/lib/error-catalogue.ts by `npm run openapi`; do not edit by hand. -->',
    '',
    'Every error of the API is RFC 9457 `application/problem+json` with a stable `code`. Program',
    'against `code`, never against `title` or `detail`; a code is always answered with the status',
    'listed here, and neither changes once published. The problem’s `type` is',
    '`https://impactbeurs.nl/problems/` followed by the code in lower case with `.` and `_` written',
    'as `-` (e.g. `order-insufficient-credits`). The OpenAPI document lists, per operation, the',
    'codes particular to it.',
    '',
    'Some problems carry more members: `errors` (the failing fields, as `path` and `message`),',
    '`retryAfter` (seconds, also sent as `Retry-After`), `available` and `remainingCapCents`.',
  ];
  for (const [area, codes] of byArea) {
    lines.push('', `## ${area}`, '', '| Code | Status | Meaning |', '| --- | --- | --- |');
    for (const code of codes) {
      const { status, meaning } = errorCatalogue[code];
      lines.push(`| \`${code}\` | ${status} | ${cell(meaning)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
