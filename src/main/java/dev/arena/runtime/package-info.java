/**
 * Drives the game: {@link dev.arena.runtime.TickLoop} runs {@code GameWorld.tick()} at the configured rate on a
 * scheduled executor, and {@link dev.arena.runtime.TickScheduler} starts it in the container on the managed
 * executor. Imports {@code dev.arena.server}, CDI and Jakarta Concurrency; never {@code jakarta.websocket}.
 */
package dev.arena.runtime;
