// Room chat on a page: a log of the last lines and quick messages. Every line is put into the page with textContent,
// never as HTML: a chat line is plain text whatever it contains. The wire side is protocol.chat() and the `chat`
// message (docs/protocol.md).

import { safeColor } from './room.js';

/** The controller page's quick messages: one tap sends one. */
export const QUICK_MESSAGES = Object.freeze(['Hi!', 'GG!', 'Wait for me!', 'Go go go!', 'Haha']);

/** How many lines a log keeps. */
export const CHAT_LOG_SIZE = 50;

/** The last lines of the room's chat, newest last, in a list element (`ul` or `ol`). */
export class ChatLog {
  constructor(list, { size = CHAT_LOG_SIZE } = {}) {
    this.list = list;
    this.size = size;
    this.lines = []; // [{from, name, text, self}] for the page's debug hook
  }

  /**
   * Adds a line: `name` and `text` as the server sent them (or the page's own line with `self`), `color` of the
   * sender's dot when known.
   */
  add({ from = 0, name = '', text = '', self = false, color = null }) {
    const line = { from, name: String(name), text: String(text), self };
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
    const li = this.list.ownerDocument.createElement('li');
    li.className = self ? 'chat-line chat-self' : 'chat-line';
    const who = this.list.ownerDocument.createElement('span');
    who.className = 'chat-name';
    who.textContent = self ? 'You' : line.name;
    if (color) who.style.color = safeColor(color);
    const what = this.list.ownerDocument.createElement('span');
    what.className = 'chat-text';
    what.textContent = line.text;
    li.append(who, what);
    this.list.append(li);
    while (this.list.children.length > this.size) this.list.firstElementChild.remove();
    this.list.scrollTop = this.list.scrollHeight;
    return li;
  }
}
