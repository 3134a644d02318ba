package dev.arena.client;

import java.nio.ByteBuffer;

/** What a client makes of the frames of the room it joined: dots ({@link DotsView}) or a game on the SPI ({@link GameView}). */
interface RoomView {
    /** Handles a text frame when it is the room's state or the game's event; returns whether it was. */
    boolean received(String text, ArenaClient.Listener listener);

    /** Handles a binary frame when it is the room's; returns whether it was. */
    boolean received(ByteBuffer frame, ArenaClient.Listener listener);
}
