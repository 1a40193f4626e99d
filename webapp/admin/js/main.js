import { api, apiWithText, credentials, cell } from './api.js';
import { LiveFeed } from './feed.js';
import { MinuteChart } from './chart.js';
import { SessionsTable } from './sessions.js';
import { TokensPanel } from './tokens.js';
import { wirePublishForm } from './publish.js';

const $ = (id) => document.getElementById(id);
const FEED_ROWS = 200;
const RAW_PRICES = /"price":([0-9.eE+-]+)/g;
let received = 0;
let refreshTimer = null;

const status = $('status');
function showStatus({ state, why, inMs }) {
  status.dataset.state = state;
  status.textContent = state === 'live' ? 'live'
    : state === 'waiting' ? `reconnecting in ${Math.round(inMs / 1000)} s (${why})`
    : state;
}

const chart = new MinuteChart($('chart'), $('chart-legend'));
const feed = new LiveFeed({ onFrame: (frame, text) => showFrame(frame, rawPrices(text)[0]), onStatus: showStatus, onAuthLost: signOut });
const sessions = new SessionsTable({
  rows: $('session-rows'), count: $('sessions-count'), error: $('sessions-error'), onAuthLost: signOut,
});
const tokens = new TokensPanel({
  rows: $('token-rows'), form: $('token-form'), error: $('tokens-error'),
  secret: {
    box: $('new-secret'), name: $('new-secret-name'), value: $('new-secret-value'),
    copy: $('new-secret-copy'), dismiss: $('new-secret-dismiss'),
  },
  onChange: () => sessions.refresh(), onAuthLost: signOut,
});
wirePublishForm($('publish-form'), $('publish-result'), signOut);

/** The prices in a JSON text as the server wrote them (75000.00, where JSON.parse gives 75000). */
function rawPrices(text) {
  return [...text.matchAll(RAW_PRICES)].map((match) => match[1]);
}

/** A signal frame as a row. */
function showFrame(frame, rawPrice, fresh = true) {
  if (typeof frame.seq !== 'number' || !frame.content) return;
  const tr = document.createElement('tr');
  tr.dataset.seq = frame.seq;
  if (fresh) tr.className = 'fresh';
  tr.append(
    cell(frame.seq), cell(new Date(frame.content.timestamp * 1000).toLocaleTimeString()),
    cell(frame.type, frame.type), cell(frame.content.symbol), cell(rawPrice ?? frame.content.price, 'num'),
    cell(frame.is_test ? 'test' : ''),
  );
  const rows = $('feed-rows');
  rows.prepend(tr);
  while (rows.children.length > FEED_ROWS) rows.lastChild.remove();
  chart.add(frame.content.symbol, frame.content.timestamp);
  if (fresh) $('feed-count').textContent = `${++received} live since sign-in`;
}

async function signIn(token) {
  credentials.set(token);
  try {
    await api('GET', 'admin/tokens');
  } catch (e) {
    credentials.clear();
    $('sign-in-error').textContent = e.status === 403 ? 'That token is not an admin token.'
      : e.status === 401 ? 'Unknown, revoked or expired token.' : 'Sign-in failed: ' + e.message;
    return;
  }
  $('sign-in-error').textContent = '';
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  let since = 0;
  try {
    const { data, text } = await apiWithText('GET', 'signals/latest?limit=500');
    const prices = rawPrices(text);
    data.signals.forEach((frame, i) => showFrame(frame, prices[i], false));
    since = data.last_seq;
    chart.draw();
  } catch (e) {
    showStatus({ state: 'history unavailable: ' + e.message });
  }
  feed.start(since);
  sessions.refresh();
  tokens.refresh();
  refreshTimer = setInterval(() => sessions.refresh(), 2000);
}

function signOut() {
  feed.stop();
  clearInterval(refreshTimer);
  credentials.clear();
  tokens.hideSecret();
  $('console').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  showStatus({ state: 'signed out' });
}

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn($('admin-token').value.trim());
  $('admin-token').value = '';
});
$('sign-out').onclick = signOut;
if (credentials.get()) signIn(credentials.get());
