// The module map, enforced (`npm run boundaries`; docs/architecture.md explains it).
//
// LAYERS lists every part of src/ from the bottom up. A part may import any part in a
// layer below its own, and nothing in its own layer or above: a new import that runs up
// the list, or sideways between two parts of one layer, fails CI. To allow one, move the
// importing part up (or the imported part down) in this list, in the same change, and
// update docs/architecture.md; that the list then still has no loops is what the rules
// check. A folder or top-level file that is not in the list fails too, so the list stays
// the whole map. Type-only imports count: a type couples modules as much as a function.
//
// A part is a folder ('modules/orders') or a file directly under src/ ('app.ts').

const LAYERS = [
  // Foundation: the database, configuration and job queue, then the shared helpers.
  ['db', 'config.ts', 'jobs'],
  ['lib'],
  ['plugins'],
  // Domain modules, lowest first.
  ['modules/audit', 'modules/health', 'modules/mail', 'modules/events'],
  ['modules/auth'],
  ['modules/organisations'],
  ['modules/users'],
  ['modules/invitations'],
  ['modules/projects', 'modules/certificates', 'modules/obligations'],
  ['modules/awards', 'modules/settlement'],
  [
    'modules/reviews',
    'modules/orders',
    'modules/payments',
    'modules/funding',
    'modules/reports',
    'modules/banking',
  ],
  ['modules/outcomes'],
  ['modules/webhooks', 'modules/notifications'],
  // Composition: the app, demo data, start-up, and the entry points.
  ['app.ts'],
  ['seed'],
  ['startup.ts', 'cli'],
  ['server.ts'],
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regular expression (source) for the files of one part. */
const filesOf = (part) => `^src/${escapeRegExp(part)}${part.endsWith('.ts') ? '$' : '/'}`;
const anyOf = (parts) => `(?:${parts.map(filesOf).join('|')})`;

const allParts = LAYERS.flat();

const layerRules = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(index + 1).flat();
  return layer.flatMap((part) => {
    const notAllowed = [...layer.filter((other) => other !== part), ...above];
    if (notAllowed.length === 0) return [];
    return [
      {
        name: `layer:${part}`,
        severity: 'error',
        comment:
          `${part} may import only from the layers below it in .dependency-cruiser.cjs ` +
          '(nothing beside it or above it). Move the shared piece down, or change the map.',
        from: { path: filesOf(part) },
        to: { path: anyOf(notAllowed) },
      },
    ];
  });
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files in src/ that import each other, directly or through others.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-in-module-map',
      severity: 'error',
      comment:
        'Every folder and top-level file of src/ is a part of LAYERS in .dependency-cruiser.cjs.',
      from: { path: '^src/', pathNot: anyOf(allParts) },
      to: {},
    },
    {
      name: 'to-outside-module-map',
      severity: 'error',
      comment:
        'Every folder and top-level file of src/ is a part of LAYERS in .dependency-cruiser.cjs.',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: anyOf(allParts) },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
