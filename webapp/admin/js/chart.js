const MINUTES = 30;
const SHOWN = 7; // symbols with their own colour; the rest are one grey 'other'
const OTHER = 'other';
const COLORS = ['#1f5fbf', '#e08a00', '#0a7d3c', '#8e44ad', '#c0392b', '#16a085', '#2c3e50', '#d35400'];

/** Signals per minute by symbol over the last 30 minutes, as stacked bars on a canvas. */
export class MinuteChart {
  constructor(canvas, legend) {
    this.canvas = canvas;
    this.legend = legend;
    this.counts = new Map(); // epoch minute -> Map(symbol -> count)
    this.colors = new Map(); // symbol -> colour, for the busiest SHOWN symbols
    this.pending = false;
  }

  add(symbol, timestampSeconds) {
    const minute = Math.floor(timestampSeconds / 60);
    if (minute <= this.now() - MINUTES) return;
    const bucket = this.counts.get(minute) || new Map();
    bucket.set(symbol, (bucket.get(symbol) || 0) + 1);
    this.counts.set(minute, bucket);
    this.redrawSoon();
  }

  now() { return Math.floor(Date.now() / 60000); }

  redrawSoon() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    const ratio = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth || 640;
    const height = this.canvas.clientHeight || 220;
    this.canvas.width = width * ratio;
    this.canvas.height = height * ratio;
    const g = this.canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const last = this.now();
    for (const minute of this.counts.keys()) if (minute <= last - MINUTES) this.counts.delete(minute);
    this.pickColors();
    const totals = [...this.counts.values()].map((b) => [...b.values()].reduce((a, c) => a + c, 0));
    const top = Math.max(1, ...totals);
    this.canvas.dataset.total = totals.reduce((a, c) => a + c, 0); // what the browser test reads
    const left = 36, bottom = 20, plotH = height - bottom - 8, slot = (width - left) / MINUTES;
    g.font = '11px system-ui, sans-serif';
    g.fillStyle = '#6b7785';
    g.strokeStyle = '#e1e6eb';
    for (const value of [0, Math.ceil(top / 2), top]) {
      const y = 8 + plotH - (value / top) * plotH;
      g.fillText(String(value), 4, y + 4);
      g.beginPath(); g.moveTo(left, y); g.lineTo(width, y); g.stroke();
    }
    for (let i = 0; i < MINUTES; i++) {
      const minute = last - MINUTES + 1 + i;
      const x = left + i * slot;
      let y = 8 + plotH;
      for (const [symbol, count] of this.counts.get(minute) || []) {
        const h = (count / top) * plotH;
        g.fillStyle = this.colors.get(symbol) || this.colors.get(OTHER);
        g.fillRect(x + 1, y - h, Math.max(1, slot - 2), h);
        y -= h;
      }
      if (i % 5 === 4 || i === MINUTES - 1) {
        g.fillStyle = '#6b7785';
        const label = new Date(minute * 60000).toTimeString().slice(0, 5);
        const labelX = Math.min(x + slot / 2 - g.measureText(label).width / 2, width - g.measureText(label).width);
        g.fillText(label, labelX, height - 4);
      }
    }
    this.drawLegend();
  }

  /** Totals per symbol over the window, busiest first. */
  sums() {
    const sums = new Map();
    for (const bucket of this.counts.values()) {
      for (const [symbol, count] of bucket) sums.set(symbol, (sums.get(symbol) || 0) + count);
    }
    return [...sums].sort((a, b) => b[1] - a[1]);
  }

  pickColors() {
    const busiest = this.sums().slice(0, SHOWN).map(([symbol]) => symbol);
    const kept = new Map([...this.colors].filter(([symbol]) => busiest.includes(symbol)));
    const free = COLORS.filter((colour) => ![...kept.values()].includes(colour));
    for (const symbol of busiest) if (!kept.has(symbol)) kept.set(symbol, free.shift());
    kept.set(OTHER, '#b8c1cc');
    this.colors = kept;
  }

  drawLegend() {
    const sums = this.sums();
    const shown = sums.slice(0, SHOWN);
    const rest = sums.slice(SHOWN).reduce((total, [, count]) => total + count, 0);
    if (rest > 0) shown.push([`${sums.length - SHOWN} other symbols`, rest, OTHER]);
    this.legend.replaceChildren(...shown.map(([symbol, count, key]) => {
      const item = document.createElement('li');
      const swatch = document.createElement('i');
      swatch.style.background = this.colors.get(key || symbol);
      item.append(swatch, `${symbol} ${count}`);
      return item;
    }));
  }
}
