/**
 * The Java client library: {@link dev.arena.client.ArenaClient} connects to an Arena server over the JDK's
 * {@code java.net.http.WebSocket}, joins, sends inputs, hands out typed snapshots and resumes after a drop. It
 * speaks the server's own wire format ({@code dev.arena.protocol}, one copy shared with the server) and uses the game's
 * value types ({@code dev.arena.game}); it imports nothing else of Arena's and nothing of the server's.
 *
 * <p>Shipped as {@code target/arena-client.jar} (classifier {@code client}: this package, {@code dev.arena.protocol}
 * and {@code dev.arena.game}) and never in {@code arena.war}: the WAR plugin leaves this package out
 * ({@code PackagingIT} checks both archives). A server never loads it.
 */
package dev.arena.client;
