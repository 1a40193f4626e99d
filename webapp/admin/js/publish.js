import { api } from './api.js';

const PRICE = /^[0-9]+(\.[0-9]+)?$/;

/**
 * Publishes a signal with the admin token; the price goes out as typed, as a JSON number. "test" is
 * off by default, and a real (non-test) signal is published only once confirmed.
 */
export function wirePublishForm(form, result, onAuthLost) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const price = data.get('price').trim();
    if (!PRICE.test(price)) {
      result.textContent = 'The price must be a positive decimal number, e.g. 75000.00';
      return;
    }
    const type = data.get('type');
    const symbol = data.get('symbol').trim();
    const isTest = data.get('is_test') === 'on';
    // A real signal reaches every connected bot, which may trade on it.
    if (!isTest && !window.confirm(`Publish a real ${type} signal for ${symbol} at ${price}?\n`
        + 'Every connected client receives it as a live trading signal (not marked as a test).')) {
      result.textContent = 'Not published';
      return;
    }
    // Built as text so 75000.00 stays 75000.00: JSON.stringify of a JS number would drop the zeros.
    const body = `{"type":${JSON.stringify(type)},"content":{"symbol":${JSON.stringify(symbol)},`
      + `"price":${price}},"is_test":${isTest}}`;
    try {
      const receipt = await api('POST', 'signals', body);
      result.textContent = `Accepted as seq ${receipt.seq}`;
    } catch (e) {
      if (e.status === 401) return onAuthLost();
      const field = e.body && e.body.field ? ` (${e.body.field})` : '';
      result.textContent = `Refused: ${e.message}${field}`;
    }
  });
}
