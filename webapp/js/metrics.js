// Reading the server's /metrics (Prometheus text, written by dev.arena.server.ArenaMetrics) for the monitor page.
// Pure functions, no DOM: tested in Node (src/test/js/metrics.test.mjs).

/**
 * The samples of a Prometheus text exposition: [{name, labels: {k: v}, value}]. Comments and blank lines are
 * skipped; label values are unescaped (\\, \", \n).
 */
export function parsePrometheus(text) {
  const samples = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels = {};
    const body = m[3] ?? '';
    const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
    let l;
    while ((l = re.exec(body)) !== null) labels[l[1]] = l[2].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    samples.push({ name: m[1], labels, value: Number(m[4]) });
  }
  return samples;
}

/** The value of the sample `name` whose labels include `labels` (sum of all that match), or 0. */
export function value(samples, name, labels = {}) {
  let sum = 0;
  for (const s of samples) {
    if (s.name !== name) continue;
    if (Object.entries(labels).every(([k, v]) => s.labels[k] === v)) sum += s.value;
  }
  return sum;
}

/** Every distinct value of label `label` among the samples called `name`. */
export function labelValues(samples, name, label) {
  const values = new Set();
  for (const s of samples) if (s.name === name && s.labels[label] !== undefined) values.add(s.labels[label]);
  return [...values].sort();
}

/**
 * The `q` quantile (0..1) of a histogram's observations between two scrapes, in the histogram's unit, interpolated
 * linearly within a bucket (the first bucket from 0). `name` is the histogram's base name (`arena_tick_seconds`),
 * `labels` selects one series. NaN when nothing was observed in between; beyond the last finite bucket: its bound.
 */
export function histogramQuantile(before, after, name, q, labels = {}) {
  const buckets = new Map();
  const take = (samples, sign) => {
    for (const s of samples) {
      if (s.name !== `${name}_bucket`) continue;
      if (!Object.entries(labels).every(([k, v]) => s.labels[k] === v)) continue;
      const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
      buckets.set(le, (buckets.get(le) ?? 0) + sign * s.value);
    }
  };
  take(after, 1);
  take(before, -1);
  const sorted = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
  const total = sorted.length ? sorted[sorted.length - 1][1] : 0;
  if (!(total > 0)) return NaN;
  const rank = q * total;
  let lower = 0;
  let lowerCount = 0;
  for (const [le, count] of sorted) {
    if (count >= rank) {
      if (le === Infinity) return lower;
      const inBucket = count - lowerCount;
      return lower + (inBucket > 0 ? (rank - lowerCount) / inBucket : 1) * (le - lower);
    }
    lower = le;
    lowerCount = count;
  }
  return lower;
}

/** Per-second rate of a counter between two scrapes `seconds` apart (0 if it went down: the server restarted). */
export function rate(before, after, name, seconds, labels = {}) {
  const d = value(after, name, labels) - value(before, name, labels);
  return seconds > 0 && d >= 0 ? d / seconds : 0;
}
