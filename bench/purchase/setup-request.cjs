'use strict';
// autocannon hook: every request a new Idempotency-Key (so a new order) of one credit, by
// invoice, of a project drawn at random from the case's projects.
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');

const { projects } = JSON.parse(readFileSync(process.env.BENCH_PURCHASE_CASE, 'utf8'));

module.exports = function setupRequest(request) {
  const projectId = projects[Math.floor(Math.random() * projects.length)];
  request.headers = { ...request.headers, 'idempotency-key': randomUUID() };
  request.body = JSON.stringify({ projectId, quantity: 1, paymentMethod: 'invoice' });
  return request;
};
