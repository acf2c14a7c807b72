/**
 * Attribution of a project's outcomes to the organisations that paid for it (DESIGN §7),
 * in exact rational arithmetic: shares and attributed counts are fractions of integers
 * (BigInt), rounded only when displayed.
 *
 * - A buyer's share of a project = its paid (not refunded) credits ÷ the project's sold credits.
 * - An authority's share = the credits of the approved claims on that project's
 *   certificates toward its obligations ÷ the project's sold credits.
 * - Attributed outcomes = share × the project's published (suppressed) counts.
 */

export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('a fraction cannot have denominator 0');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO = fraction(0);

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

export function sum(values: Iterable<Fraction>): Fraction {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

export function isZero(value: Fraction): boolean {
  return value.num === 0n;
}

/** "n/d", or "n" for a whole number: the exact value, as reports state it. */
export function formatExact(value: Fraction): string {
  return value.den === 1n ? value.num.toString() : `${value.num}/${value.den}`;
}

/** Rounded half away from zero to `places` decimals, as a decimal string ("3.6"). */
export function formatDecimal(value: Fraction, places = 1): string {
  const scale = 10n ** BigInt(places);
  const negative = value.num < 0n;
  const num = negative ? -value.num : value.num;
  const scaled = (num * scale * 2n + value.den) / (value.den * 2n);
  const whole = scaled / scale;
  const rest = (scaled % scale).toString().padStart(places, '0');
  const text = places > 0 ? `${whole}.${rest}` : whole.toString();
  return negative && scaled !== 0n ? `-${text}` : text;
}

/** The rounded value as a number, for JSON and spreadsheets. */
export function toNumber(value: Fraction, places = 1): number {
  return Number(formatDecimal(value, places));
}

/**
 * Share of a project = credits ÷ sold credits. A project with nothing sold gives nobody a
 * share. A numerator above the denominator means the inputs disagree (invariants 1 and 4
 * forbid it), so it is refused rather than attributing more than the whole project.
 */
export function share(credits: number | bigint, soldCredits: number | bigint): Fraction {
  const c = BigInt(credits);
  const s = BigInt(soldCredits);
  if (c < 0n || s < 0n) throw new RangeError('credits cannot be negative');
  if (s === 0n) return ZERO;
  if (c > s)
    throw new RangeError(`share of ${c} credits in ${s} sold credits exceeds the whole project`);
  return fraction(c, s);
}

export interface OrderFact {
  buyerId: string;
  credits: number;
  status: 'reserved' | 'paid' | 'expired' | 'cancelled' | 'refunded';
}

export interface ClaimFact {
  authorityId: string;
  credits: number;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'invalidated';
}

export interface ProjectShares {
  soldCredits: number;
  buyers: Map<string, Fraction>;
  authorities: Map<string, Fraction>;
}

/**
 * The shares of one project from its orders and the claims on its certificates: only
 * paid orders count as sold (a refunded order's credits went back), only approved claims
 * count toward an authority.
 */
export function projectShares(
  orders: readonly OrderFact[],
  claims: readonly ClaimFact[],
): ProjectShares {
  const byBuyer = new Map<string, number>();
  let sold = 0;
  for (const order of orders) {
    if (order.status !== 'paid') continue;
    sold += order.credits;
    byBuyer.set(order.buyerId, (byBuyer.get(order.buyerId) ?? 0) + order.credits);
  }
  const byAuthority = new Map<string, number>();
  for (const claim of claims) {
    if (claim.status !== 'approved') continue;
    byAuthority.set(claim.authorityId, (byAuthority.get(claim.authorityId) ?? 0) + claim.credits);
  }
  return {
    soldCredits: sold,
    buyers: new Map([...byBuyer].map(([id, credits]) => [id, share(credits, sold)])),
    authorities: new Map([...byAuthority].map(([id, credits]) => [id, share(credits, sold)])),
  };
}

/** share × count, exact. */
export function attribute(shareOfProject: Fraction, count: number): Fraction {
  return multiply(shareOfProject, fraction(count));
}

/** The statement every report carries about how it attributes outcomes. */
export const ATTRIBUTION_METHODOLOGY =
  'Outcomes are attributed pro rata. A supplier’s share of a project is its paid (not refunded) credits divided by the project’s sold credits; ' +
  'an authority’s share is the credits of the claims it approved on that project’s certificates divided by the project’s sold credits. ' +
  'Attributed figures are that share times the project’s published counts from accepted outcome reports; they are computed as exact fractions ' +
  '(stated as "exact") and rounded to one decimal only for display. Counts of people are published per accepted report, randomly rounded to a multiple of the disclosure threshold ' +
  '(checked by an audit before publication); every figure is a sum of those published counts and a withheld count never enters any figure or total.';
