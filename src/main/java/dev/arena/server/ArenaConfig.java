package dev.arena.server;

import dev.arena.game.Rules;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Limits;
import dev.arena.server.room.Games;
import dev.arena.server.room.RoomSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Server settings. {@link #fromSystem()} reads each from a system property ({@code -Darena.tickRate=30}) or else
 * an environment variable ({@code ARENA_TICK_RATE=30}); unset means the default. A value that does not parse or is
 * out of range stops the start with a message naming the setting. Every limit is on by default; {@code
 * docs/security.md} says why each default is what it is.
 *
 * @param rules map size, tick rate, speed and dot radius of every room
 * @param maxPlayersPerRoom players one room holds; more get {@code room_full}
 * @param maxRooms rooms that may exist at once; a join that would create one more gets {@code too_many_rooms}
 * @param defaultRoom the room of a {@code join} that names none
 * @param resumeGrace how long a disconnected player stays in its room, waiting for its client to come back with its
 *     resume token; zero: players leave as soon as their connection closes
 * @param idleTimeout a connection from which nothing (no message, no pong) arrived for this long is closed
 * @param slowConsumerTimeout a connection whose oldest outgoing frame has not been written for this long is closed
 * @param maxMessagesPerSecond sustained rate of incoming messages per connection (token bucket refill rate)
 * @param messageBurst messages a connection may send at once above the sustained rate (token bucket size)
 * @param maxConnectionsPerAddress open connections per remote address; 0: no limit
 * @param allowedOrigins browser origins ({@code https://host:port}) allowed to connect besides the page's own origin;
 *     {@code *} allows every origin
 * @param viewDistance interest management: 0 (the default), every player sees every player of its room; otherwise
 *     the map is cut into square cells this many map units wide and a player receives the players of its own cell
 *     and the eight around it (everyone within this distance, and some up to twice as far)
 * @param maxRoomsPerAddress rooms made by one remote address that may exist at once; more get {@code too_many_rooms};
 *     0: no limit
 * @param roomsPerAddressPerMinute rooms one remote address may make a minute (a bucket of this many, refilled over a
 *     minute); 0: no limit
 * @param maxSeatsPerAddress players, controllers, screens and spectators one remote address may hold, away ones
 *     (waiting to resume) included; more get {@code too_many_seats}; 0: no limit
 * @param games the games rooms may play: {@code arena.defaultGame} (default {@code dots}) and each game's settings
 *     {@code arena.game.<name>.<key>} ({@link Games})
 */
public record ArenaConfig(
        Rules rules,
        int maxPlayersPerRoom,
        int maxRooms,
        String defaultRoom,
        Duration resumeGrace,
        Duration idleTimeout,
        Duration slowConsumerTimeout,
        int maxMessagesPerSecond,
        int messageBurst,
        int maxConnectionsPerAddress,
        List<String> allowedOrigins,
        int viewDistance,
        int maxRoomsPerAddress,
        int roomsPerAddressPerMinute,
        int maxSeatsPerAddress,
        Games games) {
    public static final ArenaConfig DEFAULT = new ArenaConfig(
            Rules.DEFAULT, 200, 1000, "lobby",
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(10),
            50, 100, 32, List.of(), 0, 16, 20, 64, Games.standard());

    public ArenaConfig {
        atLeast("arena.maxPlayersPerRoom", maxPlayersPerRoom, 1);
        atLeast("arena.maxRooms", maxRooms, 1);
        between("arena.resumeGraceSeconds", resumeGrace, Duration.ZERO, Duration.ofHours(1));
        between("arena.idleTimeoutSeconds", idleTimeout, Duration.ofMillis(100), Duration.ofHours(1));
        between("arena.slowConsumerSeconds", slowConsumerTimeout, Duration.ofMillis(100), Duration.ofHours(1));
        atLeast("arena.maxMessagesPerSecond", maxMessagesPerSecond, 1);
        atLeast("arena.messageBurst", messageBurst, 1);
        atLeast("arena.maxConnectionsPerAddress", maxConnectionsPerAddress, 0);
        allowedOrigins = List.copyOf(allowedOrigins);
        atLeast("arena.viewDistance", viewDistance, 0);
        atLeast("arena.maxRoomsPerAddress", maxRoomsPerAddress, 0);
        atLeast("arena.roomsPerAddressPerMinute", roomsPerAddressPerMinute, 0);
        atLeast("arena.maxSeatsPerAddress", maxSeatsPerAddress, 0);
        java.util.Objects.requireNonNull(games, "games");
    }

    /** Other games' settings and default game ({@link Games#with(String, Map)}). */
    public ArenaConfig withGames(Games newGames) {
        return new Builder(this).games(newGames).build();
    }

    public ArenaConfig withRules(Rules newRules) {
        return new Builder(this).rules(newRules).build();
    }

    public ArenaConfig withMaxPlayersPerRoom(int max) {
        return new Builder(this).maxPlayersPerRoom(max).build();
    }

    public ArenaConfig withMaxRooms(int max) {
        return new Builder(this).maxRooms(max).build();
    }

    public ArenaConfig withResumeGrace(Duration grace) {
        return new Builder(this).resumeGrace(grace).build();
    }

    public ArenaConfig withIdleTimeout(Duration timeout) {
        return new Builder(this).idleTimeout(timeout).build();
    }

    public ArenaConfig withSlowConsumerTimeout(Duration timeout) {
        return new Builder(this).slowConsumerTimeout(timeout).build();
    }

    public ArenaConfig withRateLimit(int perSecond, int burst) {
        return new Builder(this).maxMessagesPerSecond(perSecond).messageBurst(burst).build();
    }

    public ArenaConfig withMaxConnectionsPerAddress(int max) {
        return new Builder(this).maxConnectionsPerAddress(max).build();
    }

    public ArenaConfig withAllowedOrigins(List<String> origins) {
        return new Builder(this).allowedOrigins(origins).build();
    }

    public ArenaConfig withViewDistance(int distance) {
        return new Builder(this).viewDistance(distance).build();
    }

    /** Per-address limits on rooms held, rooms made a minute and seats held (0: that limit off). */
    public ArenaConfig withAddressQuota(int maxRooms, int roomsPerMinute, int maxSeats) {
        return new Builder(this).maxRoomsPerAddress(maxRooms).roomsPerAddressPerMinute(roomsPerMinute)
                .maxSeatsPerAddress(maxSeats).build();
    }

    /**
     * No per-address limits at all (connections, rooms, seats): for load tests whose clients all come from one
     * address, and servers behind a reverse proxy that limits per client itself.
     */
    public ArenaConfig withoutAddressLimits() {
        return withMaxConnectionsPerAddress(0).withAddressQuota(0, 0, 0);
    }

    /** Also adds the {@code Game} beans of CDI, where it runs ({@link CdiGames}). */
    public static ArenaConfig fromSystem() {
        ArenaConfig c = from(key -> {
            String value = System.getProperty(key);
            return value != null ? value : System.getenv(envName(key));
        }, System.getProperties().stringPropertyNames());
        List<dev.arena.spi.Game> beans = CdiGames.beans();
        return beans.isEmpty() ? c : c.withGames(c.games().with(beans));
    }

    /** Reads settings by their property names ({@code arena.tickRate}); {@code lookup} returns null for unset. */
    public static ArenaConfig from(UnaryOperator<String> lookup) {
        return from(lookup, java.util.Set.of());
    }

    /** {@code gameKeys}: more names {@code lookup} knows, whose {@code arena.game.*} ones are read too. */
    public static ArenaConfig from(UnaryOperator<String> lookup, java.util.Set<String> gameKeys) {
        return ConfigReader.read(lookup, gameKeys);
    }

    /** {@code arena.maxPlayersPerRoom} becomes {@code ARENA_MAX_PLAYERS_PER_ROOM}. */
    static String envName(String key) {
        return ConfigReader.envName(key);
    }

    private static void atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ": " + value);
        }
    }

    private static void between(String key, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be " + min.toMillis() / 1000.0 + ".."
                    + max.toSeconds() + " seconds: " + value);
        }
    }

    /** Copies a config, changes some settings, and builds a checked new one. */
    private static final class Builder {
        private Rules rules;
        private int maxPlayersPerRoom;
        private int maxRooms;
        private final String defaultRoom;
        private Duration resumeGrace;
        private Duration idleTimeout;
        private Duration slowConsumerTimeout;
        private int maxMessagesPerSecond;
        private int messageBurst;
        private int maxConnectionsPerAddress;
        private List<String> allowedOrigins;
        private int viewDistance;
        private int maxRoomsPerAddress;
        private int roomsPerAddressPerMinute;
        private int maxSeatsPerAddress;
        private Games games;

        Builder(ArenaConfig c) {
            rules = c.rules;
            maxPlayersPerRoom = c.maxPlayersPerRoom;
            maxRooms = c.maxRooms;
            defaultRoom = c.defaultRoom;
            resumeGrace = c.resumeGrace;
            idleTimeout = c.idleTimeout;
            slowConsumerTimeout = c.slowConsumerTimeout;
            maxMessagesPerSecond = c.maxMessagesPerSecond;
            messageBurst = c.messageBurst;
            maxConnectionsPerAddress = c.maxConnectionsPerAddress;
            allowedOrigins = c.allowedOrigins;
            viewDistance = c.viewDistance;
            maxRoomsPerAddress = c.maxRoomsPerAddress;
            roomsPerAddressPerMinute = c.roomsPerAddressPerMinute;
            maxSeatsPerAddress = c.maxSeatsPerAddress;
            games = c.games;
        }

        Builder rules(Rules v) { rules = v; return this; }
        Builder maxPlayersPerRoom(int v) { maxPlayersPerRoom = v; return this; }
        Builder maxRooms(int v) { maxRooms = v; return this; }
        Builder resumeGrace(Duration v) { resumeGrace = v; return this; }
        Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        Builder slowConsumerTimeout(Duration v) { slowConsumerTimeout = v; return this; }
        Builder maxMessagesPerSecond(int v) { maxMessagesPerSecond = v; return this; }
        Builder messageBurst(int v) { messageBurst = v; return this; }
        Builder maxConnectionsPerAddress(int v) { maxConnectionsPerAddress = v; return this; }
        Builder allowedOrigins(List<String> v) { allowedOrigins = v; return this; }
        Builder viewDistance(int v) { viewDistance = v; return this; }
        Builder maxRoomsPerAddress(int v) { maxRoomsPerAddress = v; return this; }
        Builder roomsPerAddressPerMinute(int v) { roomsPerAddressPerMinute = v; return this; }
        Builder maxSeatsPerAddress(int v) { maxSeatsPerAddress = v; return this; }
        Builder games(Games v) { games = v; return this; }

        ArenaConfig build() {
            return new ArenaConfig(rules, maxPlayersPerRoom, maxRooms, defaultRoom, resumeGrace, idleTimeout,
                    slowConsumerTimeout, maxMessagesPerSecond, messageBurst, maxConnectionsPerAddress, allowedOrigins,
                    viewDistance, maxRoomsPerAddress, roomsPerAddressPerMinute, maxSeatsPerAddress, games);
        }
    }

    /** The connection edge's share of these settings. */
    public Limits connectionLimits() {
        return new Limits(maxMessagesPerSecond, messageBurst, maxConnectionsPerAddress, idleTimeout,
                slowConsumerTimeout);
    }

    /** Room hosting's share of these settings. */
    public RoomSettings roomSettings() {
        return new RoomSettings(rules, maxPlayersPerRoom, resumeGrace.toMillis(), viewDistance, defaultRoom, maxRooms,
                games);
    }

    /** What each remote address may hold, as these settings say, on {@code clockMillis}. */
    public AddressQuota addressQuota(LongSupplier clockMillis) {
        return new AddressQuota(maxRoomsPerAddress, roomsPerAddressPerMinute, maxSeatsPerAddress, clockMillis);
    }
}
