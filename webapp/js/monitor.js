// The live monitor page: polls the server's /metrics once a second and draws the last two minutes as small canvas
// charts, plus a table of rooms and the error and close counts. No library: metrics.js reads the Prometheus text,
// this file draws. The page works under any context path (relative URLs).
import { histogramQuantile, labelValues, parsePrometheus, rate, value } from './metrics.js';

const POLL_MS = 1000;
const HISTORY = 120; // points per chart

const CHARTS = [
  { key: 'players', title: 'players', unit: '', digits: 0 },
  { key: 'connections', title: 'connections', unit: '', digits: 0 },
  { key: 'tickP99', title: 'tick p99', unit: ' ms', digits: 2, also: 'tickMean', alsoTitle: 'mean' },
  { key: 'messagesOut', title: 'messages out / s', unit: '', digits: 0, also: 'messagesIn', alsoTitle: 'in' },
  { key: 'kibOut', title: 'sent KiB / s', unit: '', digits: 0, also: 'kibSnapshots', alsoTitle: 'snapshots' },
  { key: 'dropped', title: 'dropped snapshots / s', unit: '', digits: 1 },
  { key: 'overruns', title: 'tick overruns / s', unit: '', digits: 1 },
  { key: 'cpu', title: 'process CPU', unit: ' %', digits: 0 },
  { key: 'heapMiB', title: 'heap used', unit: ' MiB', digits: 0 },
];

const series = new Map(CHARTS.flatMap((c) => [[c.key, []], ...(c.also ? [[c.also, []]] : [])]));
let previous = null;
let previousAt = 0;

const chartsEl = document.getElementById('charts');
const canvases = new Map();
for (const c of CHARTS) {
  const figure = document.createElement('figure');
  figure.innerHTML = `<figcaption><span>${c.title}</span><b id="now-${c.key}">—</b></figcaption><canvas width="600" height="180"></canvas>`;
  chartsEl.append(figure);
  canvases.set(c.key, figure.querySelector('canvas'));
}

async function poll() {
  try {
    const response = await fetch('metrics', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const samples = parsePrometheus(await response.text());
    const now = performance.now();
    if (previous) update(previous, samples, (now - previousAt) / 1000);
    previous = samples;
    previousAt = now;
    document.getElementById('status').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (e) {
    document.getElementById('status').textContent = `cannot read metrics: ${e.message}`;
  }
}

function update(before, after, seconds) {
  const tickCount = rate(before, after, 'arena_tick_seconds_count', seconds) * seconds;
  const tickSum = rate(before, after, 'arena_tick_seconds_sum', seconds) * seconds;
  const point = {
    players: value(after, 'arena_players'),
    connections: value(after, 'arena_connections'),
    tickP99: histogramQuantile(before, after, 'arena_tick_seconds', 0.99) * 1000,
    tickMean: tickCount > 0 ? (tickSum / tickCount) * 1000 : NaN,
    messagesOut: rate(before, after, 'arena_messages_sent_total', seconds),
    messagesIn: rate(before, after, 'arena_messages_received_total', seconds),
    kibOut: rate(before, after, 'arena_sent_bytes_total', seconds) / 1024,
    kibSnapshots: rate(before, after, 'arena_snapshot_bytes_total', seconds) / 1024,
    dropped: rate(before, after, 'arena_snapshots_dropped_total', seconds),
    overruns: rate(before, after, 'arena_tick_overruns_total', seconds),
    cpu: value(after, 'process_cpu_usage') * 100,
    heapMiB: value(after, 'jvm_memory_used_bytes', { area: 'heap' }) / 1048576,
  };
  for (const [key, points] of series) {
    points.push(point[key]);
    if (points.length > HISTORY) points.shift();
  }
  for (const c of CHARTS) {
    const v = point[c.key];
    document.getElementById(`now-${c.key}`).textContent = Number.isFinite(v) ? `${v.toFixed(c.digits)}${c.unit}` : '—';
    draw(canvases.get(c.key), series.get(c.key), c.also ? series.get(c.also) : null);
  }
  totals(after, point);
  rooms(before, after, seconds);
  codes(after, 'arena_errors_total', 'errors');
  codes(after, 'arena_closes_total', 'closes');
}

function totals(samples, point) {
  const items = [
    ['rooms', value(samples, 'arena_rooms').toFixed(0)],
    ['players', point.players.toFixed(0)],
    ['connections', point.connections.toFixed(0)],
    ['tick p99', Number.isFinite(point.tickP99) ? `${point.tickP99.toFixed(2)} ms` : '—'],
    ['sent', `${point.kibOut.toFixed(0)} KiB/s`],
    ['dropped', `${value(samples, 'arena_snapshots_dropped_total').toFixed(0)} total`],
  ];
  document.getElementById('totals').replaceChildren(...items.map(([label, text]) => {
    const div = document.createElement('div');
    div.className = 'total';
    const b = document.createElement('b');
    b.textContent = text;
    const span = document.createElement('span');
    span.textContent = label;
    div.append(b, span);
    return div;
  }));
}

function rooms(before, after, seconds) {
  const body = document.querySelector('#rooms tbody');
  const rows = labelValues(after, 'arena_room_players', 'room').map((room) => {
    const l = { room };
    const count = rate(before, after, 'arena_room_tick_seconds_count', seconds, l) * seconds;
    const sum = rate(before, after, 'arena_room_tick_seconds_sum', seconds, l) * seconds;
    const cells = [
      room,
      value(after, 'arena_room_players', l).toFixed(0),
      count > 0 ? `${((sum / count) * 1000).toFixed(3)} ms` : '—',
      fmtMs(histogramQuantile(before, after, 'arena_room_tick_seconds', 0.99, l)),
      rate(before, after, 'arena_room_messages_received_total', seconds, l).toFixed(0),
      rate(before, after, 'arena_room_messages_sent_total', seconds, l).toFixed(0),
      (rate(before, after, 'arena_room_snapshot_bytes_total', seconds, l) / 1024).toFixed(1),
      rate(before, after, 'arena_room_snapshots_dropped_total', seconds, l).toFixed(1),
    ];
    const tr = document.createElement('tr');
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text; // room names are the clients' text: never HTML
      tr.append(td);
    }
    return tr;
  });
  body.replaceChildren(...rows.slice(0, 200));
}

function fmtMs(seconds) {
  return Number.isFinite(seconds) ? `${(seconds * 1000).toFixed(3)} ms` : '—';
}

function codes(samples, name, id) {
  const items = samples.filter((s) => s.name === name).map((s) => {
    const li = document.createElement('li');
    li.textContent = `${s.labels.code}: ${s.value.toFixed(0)}`;
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'none';
    items.push(li);
  }
  document.getElementById(id).replaceChildren(...items);
}

/** A line chart of `points` (and a fainter `also`), scaled from 0 to the largest value shown. */
function draw(canvas, points, also) {
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const finite = [...points, ...(also ?? [])].filter(Number.isFinite);
  const top = Math.max(0, ...finite);
  const max = top > 0 ? top * 1.1 : 1;
  ctx.strokeStyle = '#222b3a';
  ctx.lineWidth = 1;
  for (let i = 1; i < 4; i++) {
    ctx.beginPath();
    ctx.moveTo(0, (height * i) / 4);
    ctx.lineTo(width, (height * i) / 4);
    ctx.stroke();
  }
  ctx.fillStyle = '#8a95a8';
  ctx.font = '20px system-ui, sans-serif';
  ctx.fillText(top > 0 ? (max >= 100 ? max.toFixed(0) : max.toPrecision(2)) : '0', 4, 22);
  if (also) line(ctx, also, max, width, height, 'rgba(224, 176, 64, 0.8)');
  line(ctx, points, max, width, height, '#3fbfa6');
}

function line(ctx, points, max, width, height, colour) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3;
  ctx.beginPath();
  let started = false;
  points.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      started = false;
      return;
    }
    const x = (i / (HISTORY - 1)) * width;
    const y = height - (v / max) * (height - 4) - 2;
    if (started) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
    started = true;
  });
  ctx.stroke();
}

poll();
setInterval(poll, POLL_MS);
