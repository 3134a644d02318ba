// The flag game's browser module: the tutorial's example (docs/games.md, step 8; FlagGame.java is its server side).
// Players walk a grid of `size` cells; whoever steps on the flag scores, and it moves. The core's GameFeed does the
// wire; this module says what the map is and draws it. Served only by the tutorial's browser test (FlagBrowserIT),
// which puts it beside the shipped modules: the WAR does not register the flag game.

import { GameFeed } from '../../js/gamefeed.js';

class FlagFeed extends GameFeed {
  constructor(welcome, { role } = {}) {
    super(welcome, { role, defaults: { size: 10 } });
    this.rules.width = this.settings.size; // the map, in the game's units: cells
    this.rules.height = this.settings.size;
  }

  /** The flag's cell, or null between a capture and the next tick. */
  flag() {
    const [flag] = this.entities('flag').values();
    return flag ? flag.values : null;
  }
}

export default Object.freeze({
  name: 'flag',
  enter: (welcome, { role } = {}) => new FlagFeed(welcome, { role }),
  input: ({ dx, dy }) => ({ dx, dy }), // the held direction is FlagGame's `move` input
  draw(ctx, { players = [], feed }) {
    const flag = feed.flag();
    if (flag) {
      ctx.fillStyle = '#f5c542';
      ctx.fillRect(flag.x + 0.2, flag.y + 0.2, 0.6, 0.6);
    }
    for (const p of players) {
      ctx.fillStyle = p.color;
      ctx.beginPath();
      ctx.arc(p.x + 0.5, p.y + 0.5, p.self ? 0.45 : 0.35, 0, Math.PI * 2);
      ctx.fill();
    }
  },
});
