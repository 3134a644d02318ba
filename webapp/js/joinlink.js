// The host of a party screen's join link. A screen opened at `localhost` (or 127.0.0.1, [::1]) would show a link no
// phone can open, so such a page asks the server for this machine's network addresses (GET `addresses`, next to
// the page: any context path; docs/protocol.md, "Join addresses") and offers them. Pure: unit-tested in Node.

import { pageUrl } from './net.js';

/** What the screen says under its QR code when it was opened at a loopback address (documented in the README). */
export const JoinHint = Object.freeze({
  PICK: 'Phones cannot open “localhost”: the QR code uses this computer’s network address. If a phone cannot open it, pick another:',
  NONE: 'Phones cannot open “localhost”, and this computer has no network address: connect it to the phones’ network (Wi-Fi), then reload this page.',
  UNKNOWN: 'Phones cannot open “localhost”: open this page at this computer’s network address instead (like http://192.168.1.5:8080/screen.html).',
});

/** The label of the choice that keeps the page's own (loopback) address, and its key in `?join=`. */
export const THIS_COMPUTER = 'this computer only';
export const THIS_COMPUTER_KEY = 'this';

const MAX_CHOICES = 16;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^\[[0-9a-fA-F:.]{2,45}\]$/;

/** Whether a page's host name (`location.hostname`) is this machine only: localhost, *.localhost, 127/8, [::1]. */
export function isLoopbackHost(hostname) {
  const h = String(hostname ?? '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (IPV4.test(h)) return h.startsWith('127.');
  return h === '[::1]' || h === '::1' || h === '[0:0:0:0:0:0:0:1]';
}

/** `pageUrl` on another host (an IP literal as `addresses` gives it: `192.168.1.5`, `[fd00::5]`), same port. */
export function pageUrlOn(location, host, page) {
  const port = location.port ? `:${location.port}` : '';
  return pageUrl({ protocol: location.protocol, host: `${host}${port}`, pathname: location.pathname }, page);
}

/**
 * The join link of a screen page at `location` and the choices it offers: `addresses` is the server's answer (a
 * list of hosts), or null when there is none (the request failed or was refused); `wanted` is the key of the choice
 * the page was asked for (its `?join=` parameter: an address, or `this`), if any. Returns
 * `{link, choices: [{key, label, link}], hint}`: a page at a network address keeps its own link and offers nothing;
 * at a loopback one the link is on the wanted choice, else the first network address, and every address is a
 * choice, plus this computer.
 */
export function joinChoices(location, addresses, wanted = null) {
  const own = pageUrl(location, 'controller.html');
  if (!isLoopbackHost(location.hostname)) return { link: own, choices: [], hint: '' };
  if (!Array.isArray(addresses)) return { link: own, choices: [], hint: JoinHint.UNKNOWN };
  const hosts = [...new Set(addresses.filter((a) => typeof a === 'string' && (IPV4.test(a) || IPV6.test(a))))]
    .slice(0, MAX_CHOICES);
  if (hosts.length === 0) return { link: own, choices: [], hint: JoinHint.NONE };
  const choices = hosts.map((host) => ({ key: host, label: host, link: pageUrlOn(location, host, 'controller.html') }));
  choices.push({ key: THIS_COMPUTER_KEY, label: THIS_COMPUTER, link: own });
  const chosen = choices.find((c) => c.key === wanted) ?? choices[0];
  return { link: chosen.link, choices, hint: JoinHint.PICK };
}
