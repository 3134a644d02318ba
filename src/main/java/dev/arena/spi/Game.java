package dev.arena.spi;

import java.util.List;

/**
 * A game, defined once for the whole server: its name, its settings, its schema, and how it makes the simulation of
 * one room. Stateless and thread-safe (the server may create rooms from any thread); all state is in the
 * {@link Simulation}s it creates. See the package documentation for the whole contract.
 */
public interface Game {
    /**
     * The game's name: 1-32 of {@code a-z0-9}, starting with a letter. It names the game on the wire (a {@code join}'s
     * {@code game}, {@code welcome}), its settings' namespace ({@code arena.game.<name>.*}) and its browser module
     * ({@code webapp/games/<name>/}).
     */
    String name();

    /** The settings the game reads, with their defaults; {@link Settings#read} checks them. */
    List<Setting> settings();

    /** The state, inputs and events of the game; the same object every time. */
    Schema schema();

    /**
     * Makes the simulation of one new room. Called once per room, on the thread that creates the room, before any
     * other call on it; also called to make the fresh simulation a captured room is restored into (the setup then
     * holds the captured state, and {@link Simulation#restored} follows). Must not draw from {@code setup.random()}
     * nor write to the state here: a restored room would then differ from the original.
     */
    Simulation create(Setup setup);
}
