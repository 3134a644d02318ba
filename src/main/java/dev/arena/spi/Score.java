package dev.arena.spi;

/** One player's score in the scoreboard a simulation reports ({@link Simulation#scores}). */
public record Score(int player, long points) {}
