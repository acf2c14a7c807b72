'use strict';
// autocannon hook (runs in its worker thread, hence CommonJS and a file of its own).
module.exports = function setupClient(client) {
  client.setHeaders({ 'content-type': 'application/json' });
};
