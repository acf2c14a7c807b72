/** jsonb comes back parsed from both engines; a string (e.g. a value cast to text) is parsed defensively. */
export function readJson<T = unknown>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
