// The game module loader (webapp/js/games.js) and the page's gate that holds a connection's frames back while the
// room's module loads (webapp/js/page.js GameGate): `node --test src/test/js/`. The real modules are imported here
// as the browser imports them, by their URL next to js/.
import test from 'node:test';
import assert from 'node:assert/strict';
import { GameLoadError, contractGaps, gameModuleUrl, loadGame } from '../../../webapp/js/games.js';
import { GameGate } from '../../../webapp/js/page.js';
import { readFileSync } from 'node:fs';

test('a game name becomes games/<name>/index.js next to js/, under any context path', () => {
  assert.equal(gameModuleUrl('dots', 'http://h:8080/arena/js/games.js'), 'http://h:8080/arena/games/dots/index.js');
  assert.equal(gameModuleUrl('coinrush', 'https://h/js/games.js'), 'https://h/games/coinrush/index.js');
});

test('anything but a game name is a clear error, never a URL', () => {
  for (const bad of ['../js/main', 'Dots', '', 'a/b', 'https://evil.example/x', 'x'.repeat(33), 42, null, undefined, {}]) {
    assert.throws(() => gameModuleUrl(bad, 'http://h/js/games.js'), (e) => e instanceof GameLoadError
      && /not a game name: this page cannot show it/.test(e.message), String(bad));
  }
});

test('the shipped modules load and keep the contract', async () => {
  for (const name of ['dots', 'coinrush']) {
    const module = await loadGame(name);
    assert.equal(module.name, name);
    assert.deepEqual(contractGaps(module, name), []);
    assert.ok(module.predict, `${name} gives a step for prediction`);
    assert.equal(await loadGame(name), module, 'imported once');
  }
});

test('a module that is missing, or not a game module, is a GameLoadError that says so', async () => {
  await assert.rejects(loadGame('nosuchgame'), (e) => e instanceof GameLoadError && /cannot load the game “nosuchgame”/.test(e.message));
  await assert.rejects(loadGame('half', { importer: async () => ({ default: { name: 'half', enter() {} } }) }),
    (e) => e instanceof GameLoadError && /not a game module \(it has no input\(\), draw\(\)\)/.test(e.message));
  await assert.rejects(loadGame('named', { importer: async () => ({ default: { name: 'other', enter() {}, input() {}, draw() {} } }) }),
    (e) => /no name "named"/.test(e.message));
  await assert.rejects(loadGame('../x'), GameLoadError);
  let tries = 0;
  const flaky = async () => {
    tries += 1;
    if (tries === 1) throw new Error('network');
    return { default: { name: 'flaky', enter() {}, input() {}, draw() {} } };
  };
  await assert.rejects(loadGame('flaky', { importer: flaky }));
  assert.equal((await loadGame('flaky', { importer: flaky })).name, 'flaky', 'a failed load is tried again next time');
});

/** A gate whose loads the test resolves by hand. */
function gate() {
  const log = [];
  const loads = [];
  const g = new GameGate({
    load: (name) => new Promise((resolve, reject) => loads.push({ name, resolve, reject })),
    onWelcome: (game, welcome) => log.push(['welcome', game.name, welcome.id]),
    onMessage: (m) => log.push(['message', m instanceof ArrayBuffer ? 'binary' : m.type]),
    onGameError: (e) => log.push(['error', e.message]),
  });
  return { g, log, loads };
}

const text = (o) => JSON.stringify(o);
const tick = () => new Promise((r) => setTimeout(r, 0));

test('frames after a welcome wait for its module and then come in order; frames before it pass at once', async () => {
  const { g, log, loads } = gate();
  g.push(text({ type: 'pong', t: 1 }));
  g.push(text({ type: 'welcome', id: 7, game: 'coinrush' }));
  g.push(text({ type: 'state', tick: 1 }));
  g.push(new ArrayBuffer(3));
  g.push('not json');
  assert.deepEqual(log, [['message', 'pong']]);
  assert.equal(loads[0].name, 'coinrush');
  loads[0].resolve({ name: 'coinrush' });
  await tick();
  assert.deepEqual(log, [['message', 'pong'], ['welcome', 'coinrush', 7], ['message', 'state'], ['message', 'binary']]);
  g.push(text({ type: 'chat' }));
  assert.equal(log.at(-1)[1], 'chat', 'and pass at once again');
});

test('a welcome without a game loads dots; a module that fails stops the frames of that connection only', async () => {
  const { g, log, loads } = gate();
  g.push(text({ type: 'welcome', id: 1 }));
  assert.equal(loads[0].name, 'dots');
  g.push(text({ type: 'snapshot' }));
  loads[0].reject(new GameLoadError('This page cannot load the game “dots”.'));
  await tick();
  g.push(text({ type: 'snapshot' }));
  assert.deepEqual(log, [['error', 'This page cannot load the game “dots”.']]);
  g.reset(); // a new connection
  g.push(text({ type: 'welcome', id: 2, game: 'dots' }));
  loads[1].resolve({ name: 'dots' });
  await tick();
  assert.deepEqual(log.at(-1), ['welcome', 'dots', 2]);
});

test('a load that ends after the connection was replaced is forgotten', async () => {
  const { g, log, loads } = gate();
  g.push(text({ type: 'welcome', id: 1, game: 'dots' }));
  g.reset();
  g.push(text({ type: 'welcome', id: 2, game: 'dots' }));
  loads[0].resolve({ name: 'dots' });
  loads[1].resolve({ name: 'dots' });
  await tick();
  assert.deepEqual(log, [['welcome', 'dots', 2]]);
});

test('docs/games.md shows the modules as they are: every js block of it is in a shipped module or the tutorial\'s', () => {
  const doc = readFileSync(new URL('../../../docs/games.md', import.meta.url), 'utf8');
  const blocks = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 2);
  const sources = ['dots', 'coinrush'].map((g) => readFileSync(new URL(`../../../webapp/games/${g}/index.js`, import.meta.url), 'utf8'));
  sources.push(readFileSync(new URL('../webapp/games/flag/index.js', import.meta.url), 'utf8')); // FlagBrowserIT plays it
  blocks.forEach((block, i) => assert.ok(sources.some((s) => s.includes(block)), `js block ${i + 1} of docs/games.md`));
});
