'use strict';
// autocannon hook: every request a new Idempotency-Key (so a new order) of one credit, by
// invoice, of a project drawn at random from the case's projects, by a buyer drawn at
// random from the case's buyers.
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');

const { env } = require('node:process');
const { projects, tokens } = JSON.parse(readFileSync(env.BENCH_PURCHASE_CASE, 'utf8'));

module.exports = function setupRequest(request) {
  const projectId = projects[Math.floor(Math.random() * projects.length)];
  const token = tokens[Math.floor(Math.random() * tokens.length)];
  request.headers = {
    ...request.headers,
    authorization: `Bearer ${token}`,
    'idempotency-key': randomUUID(),
  };
  request.body = JSON.stringify({ projectId, quantity: 1, paymentMethod: 'invoice' });
  return request;
};
