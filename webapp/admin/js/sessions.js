import { api, cell, localTime } from './api.js';

/** This instance's open stream sessions; each can be disconnected (the client gets 1008). */
export class SessionsTable {
  constructor({ rows, count, error, onAuthLost }) {
    Object.assign(this, { rows, count, error, onAuthLost });
  }

  async refresh() {
    try {
      const sessions = await api('GET', 'admin/sessions');
      this.error.textContent = '';
      this.count.textContent = `${sessions.length} open`;
      this.rows.replaceChildren(...sessions.map((s) => this.row(s)));
    } catch (e) {
      if (e.authLost) return this.onAuthLost();
      this.error.textContent = 'Sessions: ' + e.message;
    }
  }

  row(session) {
    const tr = document.createElement('tr');
    tr.dataset.token = session.token;
    tr.dataset.id = session.id;
    const disconnect = document.createElement('button');
    disconnect.type = 'button';
    disconnect.className = 'danger';
    disconnect.textContent = 'Disconnect';
    disconnect.onclick = async () => {
      disconnect.disabled = true;
      try {
        await api('DELETE', 'admin/sessions/' + encodeURIComponent(session.id));
      } catch (e) {
        if (e.status !== 404) this.error.textContent = 'Disconnect: ' + e.message;
      }
      this.refresh();
    };
    const actions = document.createElement('td');
    actions.append(disconnect);
    tr.append(
      cell(session.token),
      cell(session.remote_address),
      cell(localTime(session.opened_at)),
      cell(session.frames_sent, 'num'),
      cell(`${session.queued_frames} / ${session.queued_bytes} B`, 'num'),
      actions,
    );
    return tr;
  }
}
