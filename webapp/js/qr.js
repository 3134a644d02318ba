// Draws a QR code the server made (`party.qr`: rows of '1' dark and '0' light modules) on a canvas, with the quiet
// zone around it. No QR encoding in the browser and nothing fetched: the server made the code with ZXing.

/** Light modules around the code, as the QR standard asks. */
export const QUIET_ZONE = 4;

/** True when `rows` is a square of '0'/'1' strings, as `party.qr` is (21 to 177 modules a side). */
export function isQrMatrix(rows) {
  if (!Array.isArray(rows) || rows.length < 21 || rows.length > 177) return false;
  return rows.every((row) => typeof row === 'string' && row.length === rows.length && /^[01]+$/.test(row));
}

/**
 * Draws `rows` on `canvas`, `cssSize` CSS pixels a side, crisp at the device's pixel ratio: whole device pixels per
 * module, black on white. Returns false (and clears the canvas) when `rows` is no QR matrix.
 */
export function drawQr(canvas, rows, cssSize, devicePixelRatio = 1) {
  const ctx = canvas.getContext('2d');
  if (!isQrMatrix(rows)) {
    canvas.width = canvas.height = 1;
    ctx.clearRect(0, 0, 1, 1);
    return false;
  }
  const modules = rows.length + 2 * QUIET_ZONE;
  const pixelsPerModule = Math.max(1, Math.floor((cssSize * devicePixelRatio) / modules));
  const side = pixelsPerModule * modules;
  canvas.width = side;
  canvas.height = side;
  canvas.style.width = `${side / devicePixelRatio}px`;
  canvas.style.height = `${side / devicePixelRatio}px`;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = '#000000';
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] === '1') {
        ctx.fillRect((x + QUIET_ZONE) * pixelsPerModule, (y + QUIET_ZONE) * pixelsPerModule, pixelsPerModule, pixelsPerModule);
      }
    }
  });
  return true;
}
