// Node unit tests of webapp/js/joinlink.js: the join link of a screen opened at localhost.
import test from 'node:test';
import assert from 'node:assert/strict';
import { JoinHint, THIS_COMPUTER, THIS_COMPUTER_KEY, isLoopbackHost, joinChoices, pageUrlOn } from '../../../webapp/js/joinlink.js';
import * as protocol from '../../../webapp/js/protocol.js';

const at = (url) => new URL(url);

test('isLoopbackHost: localhost, 127/8 and ::1 are this machine; network addresses and names are not', () => {
  for (const h of ['localhost', 'LOCALHOST', 'tv.localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
    assert.equal(isLoopbackHost(h), true, h);
  }
  for (const h of ['192.168.1.5', '10.0.0.1', '[fd00::2]', 'tv', 'localhost.example.org', '128.0.0.1', '', null]) {
    assert.equal(isLoopbackHost(h), false, String(h));
  }
  assert.equal(isLoopbackHost(at('http://[::1]:8080/').hostname), true);
});

test('pageUrlOn keeps scheme, port and context path, and takes IPv6 hosts in brackets', () => {
  assert.equal(pageUrlOn(at('http://localhost:8080/screen.html?room=X'), '192.168.1.5', 'controller.html'),
    'http://192.168.1.5:8080/controller.html');
  assert.equal(pageUrlOn(at('https://localhost/arena/screen.html'), '[fd00::5]', 'controller.html'),
    'https://[fd00::5]/arena/controller.html');
});

test('a screen at a network address keeps its own link and offers nothing', () => {
  assert.deepEqual(joinChoices(at('http://192.168.1.5:8080/screen.html'), ['10.0.0.1']),
    { link: 'http://192.168.1.5:8080/controller.html', choices: [], hint: '' });
});

test('a screen at localhost links to the first network address and offers each one and this computer', () => {
  const j = joinChoices(at('http://localhost:8080/arena/screen.html?room=BKRTZ'), ['192.0.2.2', '[fd00::2]']);
  assert.equal(j.link, 'http://192.0.2.2:8080/arena/controller.html');
  assert.deepEqual(j.choices, [
    { key: '192.0.2.2', label: '192.0.2.2', link: 'http://192.0.2.2:8080/arena/controller.html' },
    { key: '[fd00::2]', label: '[fd00::2]', link: 'http://[fd00::2]:8080/arena/controller.html' },
    { key: THIS_COMPUTER_KEY, label: THIS_COMPUTER, link: 'http://localhost:8080/arena/controller.html' },
  ]);
  assert.equal(j.hint, JoinHint.PICK);
  for (const c of j.choices) assert.ok(protocol.LINK_PATTERN.test(c.link), c.link); // the server accepts each
});

test('the choice the page was asked for (?join=) is the link, if it is one of them', () => {
  const page = at('http://localhost:8080/screen.html');
  assert.equal(joinChoices(page, ['192.0.2.2', '[fd00::2]'], '[fd00::2]').link, 'http://[fd00::2]:8080/controller.html');
  assert.equal(joinChoices(page, ['192.0.2.2'], THIS_COMPUTER_KEY).link, 'http://localhost:8080/controller.html');
  assert.equal(joinChoices(page, ['192.0.2.2'], '10.9.9.9').link, 'http://192.0.2.2:8080/controller.html');
});

test('no network address, or no answer: the own link and the hint that says what to do', () => {
  assert.deepEqual(joinChoices(at('http://127.0.0.1:8080/screen.html'), []),
    { link: 'http://127.0.0.1:8080/controller.html', choices: [], hint: JoinHint.NONE });
  assert.deepEqual(joinChoices(at('http://localhost:8080/screen.html'), null),
    { link: 'http://localhost:8080/controller.html', choices: [], hint: JoinHint.UNKNOWN });
});

test('anything but IP literals in the answer is ignored, duplicates once, at most 16', () => {
  const j = joinChoices(at('http://localhost:8080/screen.html'),
    ['evil.example"<x>', 'javascript:alert(1)', 42, '999.1.1.1', '192.0.2.2', '192.0.2.2']);
  assert.deepEqual(j.choices.map((c) => c.label), ['192.0.2.2', THIS_COMPUTER]);
  const many = Array.from({ length: 40 }, (_, i) => `10.0.0.${i + 1}`);
  assert.equal(joinChoices(at('http://localhost:8080/screen.html'), many).choices.length, 17);
});
