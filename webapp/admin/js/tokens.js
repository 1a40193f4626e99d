import { api, cell, localTime } from './api.js';

/** Tokens: list (never secrets), create (the secret is shown once), revoke. */
export class TokensPanel {
  constructor({ rows, form, error, secret, onChange, onAuthLost }) {
    Object.assign(this, { rows, form, error, secret, onChange, onAuthLost });
    form.addEventListener('submit', (event) => { event.preventDefault(); this.create(); });
    secret.dismiss.onclick = () => this.hideSecret();
    secret.copy.onclick = () => navigator.clipboard && navigator.clipboard.writeText(secret.value.textContent);
  }

  async refresh() {
    try {
      const tokens = await api('GET', 'admin/tokens');
      this.rows.replaceChildren(...tokens.map((t) => this.row(t)));
    } catch (e) {
      if (e.authLost) return this.onAuthLost();
      this.error.textContent = 'Tokens: ' + e.message;
    }
  }

  async create() {
    const data = new FormData(this.form);
    const request = { name: data.get('name').trim(), role: data.get('role') };
    if (data.get('expires_in_seconds')) request.expires_in_seconds = Number(data.get('expires_in_seconds'));
    try {
      const issued = await api('POST', 'admin/tokens', request);
      this.error.textContent = '';
      this.form.reset();
      this.secret.name.textContent = issued.token.name;
      this.secret.value.textContent = issued.secret;
      this.secret.box.hidden = false;
      this.refresh();
    } catch (e) {
      if (e.status === 401) return this.onAuthLost();
      this.error.textContent = 'Create: ' + e.message;
    }
  }

  hideSecret() {
    this.secret.value.textContent = '';
    this.secret.box.hidden = true;
  }

  async revoke(name, button) {
    if (!confirm(`Revoke ${name}? Its open sessions close at once and it can no longer connect.`)) return;
    button.disabled = true;
    try {
      await api('DELETE', 'admin/tokens/' + encodeURIComponent(name));
      this.error.textContent = '';
      if (!this.secret.box.hidden && this.secret.name.textContent === name) this.hideSecret();
    } catch (e) {
      if (e.status === 401) return this.onAuthLost();
      this.error.textContent = 'Revoke: ' + e.message;
    }
    this.refresh();
    this.onChange();
  }

  row(token) {
    const expired = token.expires_at && new Date(token.expires_at) <= new Date();
    const state = token.revoked ? 'revoked' : expired ? 'expired' : 'active';
    const tr = document.createElement('tr');
    tr.dataset.token = token.name;
    const tag = document.createElement('span');
    tag.className = 'tag ' + state;
    tag.textContent = state;
    const stateCell = document.createElement('td');
    stateCell.append(tag);
    const actions = document.createElement('td');
    if (state === 'active') {
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.className = 'danger';
      revoke.textContent = 'Revoke';
      revoke.onclick = () => this.revoke(token.name, revoke);
      actions.append(revoke);
    }
    tr.append(
      cell(token.name), cell(token.role), cell(localTime(token.created_at)),
      cell(token.expires_at ? localTime(token.expires_at) : 'never'),
      cell(token.last_used_at ? localTime(token.last_used_at) : '—'), stateCell, actions,
    );
    return tr;
  }
}
