'use strict';
// autocannon hook (runs in its worker thread, hence CommonJS and a file of its own):
// every connection is a different supplier organisation, signed in as its member.
const { readFileSync } = require('node:fs');

const { tokens } = JSON.parse(readFileSync(process.env.BENCH_PURCHASE_CASE, 'utf8'));
let next = 0;

module.exports = function setupClient(client) {
  if (next >= tokens.length) throw new Error(`more connections than buyers (${tokens.length})`);
  client.setHeaders({ authorization: `Bearer ${tokens[next++]}`, 'content-type': 'application/json' });
};
