/**
 * ISO 11649 structured creditor references ("RF" + two check digits + up to 21 characters):
 * the payment reference of an invoice order, and what a bank statement's credit is matched by.
 */

/** ISO 11649 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidCreditorReference(reference: string): boolean {
  if (!/^RF[0-9]{2}[0-9A-Z]{1,21}$/.test(reference)) return false;
  const numeric = `${reference.slice(4)}${reference.slice(0, 4)}`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  return BigInt(numeric) % 97n === 1n;
}

/**
 * The valid creditor references in a text as a person or a bank wrote it: in any case, and
 * with the spaces of the printed form ("RF18 5390 0754 …") or none. Every candidate is
 * checked by its check digits, so words that merely look alike are rarely taken (and a
 * candidate only matters when an order has it).
 */
export function creditorReferencesIn(text: string): string[] {
  const found = new Set<string>();
  const upper = text.toUpperCase();
  // Printed in groups of four, or written in one piece; at most 25 characters in all.
  for (const match of upper.matchAll(/RF\s?[0-9]{2}(?:\s?[0-9A-Z]){1,21}/g)) {
    const compact = match[0].replace(/\s/g, '');
    // Every valid prefix: the reference may run into the next word ("RF18…ABCD FACTUUR"),
    // and a longer prefix may pass the check by chance; the lookup keeps the one that exists.
    for (let end = compact.length; end >= 5; end--) {
      const candidate = compact.slice(0, end);
      if (isValidCreditorReference(candidate)) found.add(candidate);
    }
  }
  return [...found];
}
