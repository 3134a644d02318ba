// Unit tests of webapp/js/qr.js: run with `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { QUIET_ZONE, drawQr, isQrMatrix } from '../../../webapp/js/qr.js';

const square = (n, fill = '0') => Array.from({ length: n }, () => fill.repeat(n));

test('a QR matrix is a square of 0/1 rows, 21 to 177 modules a side', () => {
  assert.ok(isQrMatrix(square(21)));
  assert.ok(isQrMatrix(square(177, '1')));
  for (const bad of [null, [], square(20), square(178), [...square(21).slice(1), '0'.repeat(22)],
    [...square(21).slice(1), '2'.repeat(21)], 'nope']) {
    assert.ok(!isQrMatrix(bad));
  }
});

test('drawQr paints whole pixels per module with the quiet zone, dark where the rows say 1', () => {
  const rects = [];
  const ctx = { fillStyle: '', fillRect: (x, y, w, h) => rects.push({ x, y, w, h, style: ctx.fillStyle }), clearRect() {} };
  const canvas = { width: 0, height: 0, style: {}, getContext: () => ctx };
  const rows = square(21);
  rows[0] = `1${'0'.repeat(20)}`;
  assert.ok(drawQr(canvas, rows, 220, 2));
  const perModule = Math.floor((220 * 2) / (21 + 2 * QUIET_ZONE)); // 15 device pixels
  assert.equal(canvas.width, perModule * 29);
  assert.equal(canvas.style.width, `${(perModule * 29) / 2}px`);
  assert.deepEqual(rects[0], { x: 0, y: 0, w: canvas.width, h: canvas.width, style: '#ffffff' });
  assert.deepEqual(rects.slice(1), [{ x: 4 * perModule, y: 4 * perModule, w: perModule, h: perModule, style: '#000000' }]);
  assert.ok(!drawQr(canvas, ['1'], 220));
});
