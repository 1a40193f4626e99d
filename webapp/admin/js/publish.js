import { api } from './api.js';

const PRICE = /^[0-9]+(\.[0-9]+)?$/;

/** Publishes a signal with the admin token; the price goes out as typed, as a JSON number. */
export function wirePublishForm(form, result, onAuthLost) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const price = data.get('price').trim();
    if (!PRICE.test(price)) {
      result.textContent = 'The price must be a positive decimal number, e.g. 75000.00';
      return;
    }
    // Built as text so 75000.00 stays 75000.00: JSON.stringify of a JS number would drop the zeros.
    const body = `{"type":${JSON.stringify(data.get('type'))},"content":{"symbol":${JSON.stringify(
      data.get('symbol').trim())},"price":${price}},"is_test":${data.get('is_test') === 'on'}}`;
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
