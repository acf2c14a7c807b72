/** Bodies for the outcome-reports API. */

/** A report body with the given counts; everything else valid. */
export function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'interim',
    periodStart: '2025-01-01',
    periodEnd: '2025-03-31',
    participants: [
      { targetGroup: 'participatiewet', participants: 12 },
      { targetGroup: 'banenafspraak', participants: 3 },
      { targetGroup: 'ww', participants: 8 },
    ],
    outcomes: [
      { outcomeType: 'paid_work', achieved: 14, banenafspraak: 2 },
      { outcomeType: 'diploma', achieved: 4, banenafspraak: 0 },
      { outcomeType: 'driving_licence', achieved: 10, banenafspraak: 0 },
    ],
    spending: [],
    narrative:
      'In het eerste kwartaal startten 23 deelnemers; 14 vonden betaald werk, vooral in de logistiek. Twee groepen volgden theorieles.',
    stories: [],
    ...overrides,
  };
}
