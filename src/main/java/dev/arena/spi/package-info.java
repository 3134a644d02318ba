/**
 * The game SPI: the whole contract between Arena's server and a game, in one package, the way ioquake3's
 * {@code code/game/g_public.h} is the whole contract between its server and its game module. A game sees only this
 * package (and {@code java.*}); the server sees a game only through it. Every room runs on it: rooms of every game
 * but dots through {@code server.room.MatchEngine}, with the generic wire; dots rooms as a Match of
 * {@code games.dots.DotsGame} through {@code games.dots.World}, with the dots wire of protocol version 1; see
 * {@code docs/games.md}.
 *
 * <h2>What a game provides</h2>
 * <ul>
 *   <li>A {@link dev.arena.spi.Game}, one per server: its {@code name()}, its {@code settings()} (read from the
 *       properties {@code arena.game.<name>.<key>} by {@link dev.arena.spi.Settings#read}, so {@code ArenaConfig} can
 *       feed any game from system properties or the environment), its {@link dev.arena.spi.Schema} and
 *       {@code create(Setup)}, which makes one {@link dev.arena.spi.Simulation} per room.</li>
 *   <li>A {@link dev.arena.spi.Schema}: the kinds of entity in its state ({@link dev.arena.spi.Kind}: typed
 *       {@link dev.arena.spi.Field}s of {@link dev.arena.spi.FieldType} int with a range, decimal with a range and a
 *       scale (its precision on the wire), bool, text with a maximum length, choice (an enum); who sees each field,
 *       {@link dev.arena.spi.Visibility}: everyone, the owner only, some roles, nobody; and the two fields that are
 *       its position, for interest management), the inputs clients send and the events it sends (both
 *       {@link dev.arena.spi.MessageType}s). No cap on kinds, fields or entities.</li>
 *   <li>A {@link dev.arena.spi.Simulation} per room, which keeps all of its room's state in the
 *       {@link dev.arena.spi.State} it was given.</li>
 * </ul>
 *
 * <h2>What the server calls, in which order, on which thread</h2>
 * <ol>
 *   <li>{@code Game.create(setup)}, once per room, on the thread that creates the room. {@link dev.arena.spi.Setup}
 *       holds the room's settings, its {@link dev.arena.spi.Rng}, its empty state, its
 *       {@link dev.arena.spi.Events} and the tick rate. {@code create} must not draw random numbers or write
 *       state.</li>
 *   <li>Then, on the room's tick thread only (one thread at a time, never concurrently, with a happens-before edge
 *       between ticks), per tick: the queued {@code join}, {@code leave}, {@code idle} and {@code input} calls in
 *       arrival order, then exactly one {@code step(tick, dt)}; then the server reads {@code phase()},
 *       {@code scores()} and the state, encodes each client's view ({@code dev.arena.snapshot}) and sends it, then
 *       the tick's events. {@code dt} is always {@code 1.0 / tickRate}.</li>
 *   <li>{@code join(player, requestedName)} may refuse ({@link dev.arena.spi.Admission.Refused} with a reason the
 *       client is shown); a refused player is never heard of again. Player ids are positive ints chosen by the
 *       server, unique in the room. {@code leave} comes once per admitted player. {@code idle}: the player's client
 *       is gone for now or came back on a new connection (it holds nothing; its input numbering starts over).</li>
 *   <li>{@code input(player, input)}: a {@link dev.arena.spi.PlayerInput} decoded strictly against its declared
 *       type, newer than every input of that player passed on before (older ones are dropped by the framework;
 *       the newest {@code seq} passed on is the player's {@code ack}).</li>
 *   <li>{@code restored()}: once, after the room's state was restored from a capture, before any other call.</li>
 * </ol>
 * {@link dev.arena.spi.Match} is that order as code: the server drives a room through it.
 *
 * <h2>What a game may and may not do</h2>
 * <ul>
 *   <li>May: read its settings; draw from the {@code Rng} it was given (the only randomness); add, change and remove
 *       entities of its declared kinds; emit declared events to one player, some players or the room
 *       ({@link dev.arena.spi.Events}); report its {@link dev.arena.spi.Phase} (round, phase name, ticks left) and
 *       its {@link dev.arena.spi.Score}s, which pages and metrics show without knowing the game.</li>
 *   <li>May not: read a clock (time is the tick number and {@code dt}), start or wait for a thread, block, do I/O,
 *       use {@code java.util.concurrent}, see a connection, a session or JSON (no {@code jakarta.websocket}, JSON-B
 *       or JSON-P), keep state outside its {@code State} that it could not make again from its settings and that
 *       state, or share anything between rooms. {@code GamePurityTest} fails the build on the first four.</li>
 *   <li>A value out of its field's declared range is a bug in the game: the setter throws
 *       {@link java.lang.IllegalArgumentException} at the line that made it. A simulation that throws loses nothing
 *       of other rooms: the server logs it and ends that room (its clients are closed with 4006).</li>
 * </ul>
 *
 * <h2>Capture and restore</h2>
 * Between two ticks, {@link dev.arena.spi.Match#capture} takes the game's side of a room as a
 * {@link dev.arena.spi.GameImage} (game, settings, tick rate, tick, generator state, acks, the state's exact bytes);
 * {@link dev.arena.spi.Match#restore} makes a fresh simulation with it that continues exactly as the original would
 * have, given the same calls ({@code CaptureRestoreTest}). The server's side of a room (seats: id, role, resume
 * token, away-until; the inbox) is the other half of a room's image, for phase B and the cluster step.
 *
 * <p>Imports {@code java.*} only.
 */
package dev.arena.spi;
