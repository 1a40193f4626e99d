// Signal Hub client, as the integration guide writes it (Node's `ws`, which can send headers): connects
// with the Bearer header, prints every signal, and asks for a test signal 2 s after connecting.
//
//   npm install --prefix examples/js
//   SIGNALHUB_TOKEN=dev-subscriber-secret-0001 node examples/js/signals.mjs
//
// SIGNALHUB_URL defaults to the local run, ws://127.0.0.1:8080/. For wss:// with a private
// certificate, set SIGNALHUB_CA to its PEM file. It stops at the first close, as the guide's example
// does; reconnecting (1 s doubling to 30 s, resuming with ?since=<last seq>) is left to you.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

const url = process.env.SIGNALHUB_URL ?? 'ws://127.0.0.1:8080/';
const token = process.env.SIGNALHUB_TOKEN;
if (!token) {
  console.error('set SIGNALHUB_TOKEN');
  process.exit(2);
}
const options = { headers: { Authorization: `Bearer ${token}` } };
if (process.env.SIGNALHUB_CA) {
  options.ca = readFileSync(process.env.SIGNALHUB_CA);
}
const socket = new WebSocket(url, options);

socket.addEventListener('open', () => {
  console.log('connected');
  setTimeout(requestTestData, 2000);
});

socket.addEventListener('message', (event) => {
  const data = JSON.parse(event.data);
  if (data.type === 'buy' || data.type === 'sell') {
    const seq = data.seq === undefined ? '' : `, seq ${data.seq}`;
    const test = data.is_test ? ' (test: do not trade)' : '';
    // JSON.parse turns the price 75000.00 into 75000: read event.data where the digits matter
    console.log(`${data.type} ${data.content.symbol} at ${data.content.price}${seq}${test}`);
  } else {
    console.log('received:', data);
  }
});

socket.addEventListener('close', (event) => {
  console.log(`closed: ${event.code} ${event.reason}`);
});

socket.addEventListener('error', (event) => {
  console.error('error:', event.message);
});

function requestTestData() {
  socket.send('test');
  console.log('requested test data');
}
