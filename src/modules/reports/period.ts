/**
 * Report periods are Amsterdam calendar days, [from, to] inclusive. Whole calendar
 * quarters inside a period are read from the quarterly summary; the days before the
 * first and after the last whole quarter (the edges) straight from the claims, so any
 * ad-hoc period works and a quarter costs one summary lookup.
 */

export interface Period {
  from: string | null;
  to: string;
}

export interface PeriodSplit {
  /** Whole quarters [fromQuarter, toQuarter) from the summary; null when the period holds none. */
  quarters: { fromQuarter: string | null; toQuarter: string } | null;
  /** Day ranges [from, toExclusive) read from the claims themselves. */
  edges: { from: string | null; toExclusive: string }[];
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDay(date: string): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + 1);
  return format(d);
}

/** First day of the quarter that holds `date`. */
export function quarterStart(date: string): string {
  const d = parse(date);
  return format(new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1)));
}

export function nextQuarterStart(date: string): string {
  const d = parse(quarterStart(date));
  return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1)));
}

export function splitPeriod(period: Period): PeriodSplit {
  const toExclusive = addDay(period.to);
  const toQuarter = quarterStart(toExclusive);
  const fromQuarter =
    period.from === null
      ? null
      : quarterStart(period.from) === period.from
        ? period.from
        : nextQuarterStart(period.from);
  if (fromQuarter !== null && fromQuarter >= toQuarter)
    return { quarters: null, edges: [{ from: period.from, toExclusive }] };
  const edges: PeriodSplit['edges'] = [];
  if (period.from !== null && fromQuarter !== null && period.from < fromQuarter)
    edges.push({ from: period.from, toExclusive: fromQuarter });
  if (toQuarter < toExclusive) edges.push({ from: toQuarter, toExclusive });
  return { quarters: { fromQuarter, toQuarter }, edges };
}
