// The monitor page's reading of /metrics (webapp/js/metrics.js), on text in the form transport/PrometheusText writes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { histogramQuantile, labelValues, parsePrometheus, rate, value } from '../../../webapp/js/metrics.js';

const before = parsePrometheus(`
# HELP arena_players players in all rooms
# TYPE arena_players gauge
arena_players 3.0
arena_room_players{room="lobby"} 2.0
arena_room_players{room="a \\"quoted\\" room"} 1.0
arena_messages_sent_total 100.0
arena_tick_seconds_bucket{le="0.001"} 10.0
arena_tick_seconds_bucket{le="0.002"} 10.0
arena_tick_seconds_bucket{le="0.005"} 10.0
arena_tick_seconds_bucket{le="+Inf"} 10.0
arena_errors_total{code="invalid_field"} 4.0
`);
const after = parsePrometheus(`
arena_players 5.0
arena_room_players{room="lobby"} 5.0
arena_messages_sent_total 300.0
arena_tick_seconds_bucket{le="0.001"} 60.0
arena_tick_seconds_bucket{le="0.002"} 108.0
arena_tick_seconds_bucket{le="0.005"} 110.0
arena_tick_seconds_bucket{le="+Inf"} 110.0
`);

test('samples, labels (unescaped) and sums', () => {
  assert.equal(value(before, 'arena_players'), 3);
  assert.equal(value(before, 'arena_room_players'), 3);
  assert.equal(value(before, 'arena_room_players', { room: 'lobby' }), 2);
  assert.deepEqual(labelValues(before, 'arena_room_players', 'room'), ['a "quoted" room', 'lobby']);
  assert.equal(value(after, 'arena_errors_total'), 0);
});

test('counter rates between two scrapes', () => {
  assert.equal(rate(before, after, 'arena_messages_sent_total', 2), 100);
  assert.equal(rate(after, before, 'arena_messages_sent_total', 2), 0, 'a counter that went down: restarted');
});

test('histogram quantiles of the observations in between, interpolated within a bucket', () => {
  // 100 ticks in between: 50 under 1 ms, 48 in (1, 2] ms, 2 in (2, 5] ms
  assert.equal(histogramQuantile(before, after, 'arena_tick_seconds', 0.5), 0.001);
  assert.ok(Math.abs(histogramQuantile(before, after, 'arena_tick_seconds', 0.74) - 0.0015) < 1e-12);
  assert.ok(Math.abs(histogramQuantile(before, after, 'arena_tick_seconds', 0.99) - 0.0035) < 1e-12);
  assert.ok(Number.isNaN(histogramQuantile(after, after, 'arena_tick_seconds', 0.5)));
});
