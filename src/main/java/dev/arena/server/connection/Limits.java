package dev.arena.server.connection;

import java.time.Duration;

/**
 * The connection edge's settings (from {@code ArenaConfig}): the message budget per connection (token bucket), the
 * connections one remote address may hold (0: no limit), how long a client may stay silent, and how long one send to
 * it may take.
 */
public record Limits(int maxMessagesPerSecond, int messageBurst, int maxConnectionsPerAddress, Duration idleTimeout,
        Duration slowConsumerTimeout) {}
