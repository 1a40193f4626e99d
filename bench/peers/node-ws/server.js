'use strict';
// Fan-out peer for the Signal Hub benchmark: Node.js http + ws 8 (noServer mode).
// PORT, SUBSCRIBER_TOKENS (comma-separated), PUBLISHER_TOKEN from the environment
// (or argv: node server.js PORT). Listens on 127.0.0.1 only.
const http = require('http');
const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.argv[2] || process.env.PORT || 8091);
const subscriberTokens = new Set(
  (process.env.SUBSCRIBER_TOKENS || 'dev-subscriber-secret-0001').split(',').map((t) => t.trim()));
const publisherToken = process.env.PUBLISHER_TOKEN || 'dev-publisher-secret-0001';
// A client that has this much waiting to be sent is dropped (Signal Hub closes such a client too).
const maxQueuedBytes = Number(process.env.MAX_QUEUED_BYTES || 1024 * 1024);

let seq = 0;
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });

function bearer(req) {
  const h = req.headers.authorization || '';
  return h.startsWith('Bearer ') ? h.slice(7) : null;
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/signals') {
    res.writeHead(404).end();
    return;
  }
  if (bearer(req) !== publisherToken) {
    res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"unauthorized"}');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8').trim();
    if (!body.startsWith('{') || !body.endsWith('}')) {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"not a JSON object"}');
      return;
    }
    const n = ++seq;
    // Encode once: one Buffer for every client.
    const frame = Buffer.from(body.slice(0, -1) + ',"seq":' + n + '}', 'utf8');
    for (const client of wss.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      if (client.bufferedAmount > maxQueuedBytes) {
        client.terminate();
        continue;
      }
      client.send(frame, { binary: false });
    }
    res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"seq":' + n + '}');
  });
});

server.on('upgrade', (req, socket, head) => {
  if (!subscriberTokens.has(bearer(req))) {
    socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

wss.on('connection', (ws) => ws.on('error', () => {}));

server.listen(port, '127.0.0.1', () => console.log(`node-ws peer listening on 127.0.0.1:${port}`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
