import { api, ApiError } from './api.js';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

/**
 * The stream as the integration guide tells clients to read it: a ticket per connection (a
 * browser cannot send an Authorization header), reconnect with backoff from 1 s doubling to
 * 30 s, and resume with ?since= the last seq seen, so nothing is missed or doubled.
 */
export class LiveFeed {
  constructor({ onFrame, onStatus, onAuthLost }) {
    Object.assign(this, { onFrame, onStatus, onAuthLost });
    this.delay = FIRST_DELAY_MS;
    this.socket = null;
    this.timer = null;
    this.stopped = true;
  }

  start(since) {
    this.since = since;
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000, 'signed out');
    this.socket = null;
  }

  async connect() {
    this.onStatus({ state: 'connecting' });
    let ticket;
    try {
      ticket = (await api('POST', 'tickets')).ticket;
    } catch (e) {
      if (e instanceof ApiError && e.authLost) return this.onAuthLost();
      return this.retry('ticket: ' + e.message);
    }
    if (this.stopped) return;
    const url = new URL('../', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('ticket', ticket);
    if (this.since != null) url.searchParams.set('since', String(this.since));
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.delay = FIRST_DELAY_MS;
      this.onStatus({ state: 'live' });
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      this.retry(`closed ${event.code}${event.reason ? ' ' + event.reason : ''}`);
    };
  }

  receive(text) {
    let frame;
    try { frame = JSON.parse(text); } catch { return; }
    if (typeof frame.seq === 'number') {
      if (this.since != null && frame.seq <= this.since) return; // already shown
      this.since = frame.seq;
    }
    this.onFrame(frame, text);
  }

  retry(why) {
    if (this.stopped) return;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    this.onStatus({ state: 'waiting', why, inMs: wait });
    this.timer = setTimeout(() => this.connect(), wait);
  }
}
