package dev.arena.load;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.SnapshotFormat;
import dev.arena.snapshot.InputCodec;
import dev.arena.spi.Game;
import dev.arena.spi.MessageType;
import dev.arena.spi.PlayerInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bots on plain non-blocking sockets, a few selector threads for all of them ({@code -Dload.client=lean}): the
 * cheapest client that still does what a browser's connection does on the wire (RFC 6455 handshake with the
 * subprotocol and a permessage-deflate offer, masked client frames, pings answered, close handshake). They exist so
 * that the generator, on the same two cores as the server, leaves the server room to show its capacity: Tyrus's
 * client costs about a core per 1,000 bots, which is what stopped every ramp at 1,000 (docs/benchmarks.md).
 *
 * <p>They do not inflate: when a server accepts their permessage-deflate offer, the connection is refused with a
 * message naming the client that does ({@code tyrus}). Arena's {@code /game} refuses deflate on every server.
 * Inputs are written on the caller's thread (the swarm's driver threads), as Tyrus's blocking send does; what a full
 * socket buffer does not take waits for the selector thread.
 */
final class LeanBots implements BotClient.Connector {
    private static final Codec CODEC = new Codec();
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private final boolean deflate;
    private final GameInputs game;
    private final Loop[] loops;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService connecting = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "lean-connect");
        t.setDaemon(true);
        return t;
    });

    LeanBots(boolean deflate, int threads) {
        this(deflate, threads, null);
    }

    /** {@code game}: the bots join rooms of it and send its {@code move} input (null: dots). */
    LeanBots(boolean deflate, int threads, Game game) {
        this.deflate = deflate;
        this.game = game == null ? null : new GameInputs(game);
        this.loops = new Loop[Math.max(1, threads)];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new Loop(i);
        }
    }

    @Override
    public CompletableFuture<BotClient> connect(URI uri, boolean compact, BotClient.Listener listener) {
        Loop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        return CompletableFuture.supplyAsync(() -> {
            try {
                return handshake(uri, compact, listener, loop);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot connect to " + uri + ": " + e.getMessage(), e);
            }
        }, connecting);
    }

    private Bot handshake(URI uri, boolean compact, BotClient.Listener listener, Loop loop) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                    + "\r\nSec-WebSocket-Version: 13\r\n"
                    + (compact ? "Sec-WebSocket-Protocol: " + SnapshotFormat.SUBPROTOCOL + "\r\n" : "")
                    + (deflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" : "")
                    + "\r\n";
            writeFully(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer in = ByteBuffer.allocate(16 << 10);
            int end;
            while ((end = headEnd(in)) < 0) {
                if (!in.hasRemaining() || channel.read(in) < 0) {
                    throw new IOException("no handshake response");
                }
            }
            Response response = Response.parse(new String(in.array(), 0, end, StandardCharsets.ISO_8859_1));
            response.check(accept(key), compact);
            in.flip().position(end + 4);
            in.compact(); // what the server sent after its response is the start of the first frame
            Bot bot = new Bot(channel, listener, loop, in, response.subprotocol(), game);
            channel.configureBlocking(false);
            loop.register(bot);
            return bot;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A game's {@code move} input of {@code dx} and {@code dy} (-1, 0, 1), the one input the bots send. */
    record GameInputs(String name, MessageType move, InputCodec codec) {
        GameInputs(Game game) {
            this(game.name(), move(game), new InputCodec(game.schema()));
        }

        private static MessageType move(Game game) {
            MessageType move = game.schema().input("move");
            if (move == null) {
                throw new IllegalArgumentException(game.name() + " has no move input for bots");
            }
            return move;
        }

        PlayerInput of(long seq, int dx, int dy) {
            return PlayerInput.of(move, seq, (long) dx, (long) dy);
        }
    }

    /** The handshake response's status line and the headers a bot checks. */
    record Response(String status, String accept, String subprotocol, String extensions) {
        static Response parse(String head) {
            String[] lines = head.split("\r\n");
            String accept = null;
            String subprotocol = null;
            String extensions = null;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                switch (name) {
                    case "sec-websocket-accept" -> accept = value;
                    case "sec-websocket-protocol" -> subprotocol = value;
                    case "sec-websocket-extensions" -> extensions = value;
                    default -> { }
                }
            }
            return new Response(lines[0], accept, subprotocol, extensions);
        }

        void check(String expectedAccept, boolean compact) throws IOException {
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IOException("handshake refused: " + status);
            }
            if (!expectedAccept.equals(accept)) {
                throw new IOException("wrong Sec-WebSocket-Accept: " + accept);
            }
            if (extensions != null && extensions.contains("permessage-deflate")) {
                throw new IOException("the server negotiated permessage-deflate (" + extensions
                        + "); lean bots do not inflate: run them with -Dload.client=tyrus");
            }
            if (compact && !SnapshotFormat.SUBPROTOCOL.equals(subprotocol)) {
                throw new IOException("the server did not take " + SnapshotFormat.SUBPROTOCOL + ": " + subprotocol);
            }
        }
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int headEnd(ByteBuffer in) {
        byte[] a = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
                return i - 3;
            }
        }
        return -1;
    }

    private static void writeFully(SocketChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    /**
     * One client frame, FIN set, masked with a zero key (RFC 6455 5.3: the key is any 32 bits, and XOR with zero
     * leaves the payload as it is; a server cannot tell, and the bots save the work).
     */
    static ByteBuffer frame(int opcode, ByteBuffer payload) {
        int n = payload.remaining();
        int lengthBytes = n < 126 ? 0 : n < 65_536 ? 2 : 8;
        ByteBuffer f = ByteBuffer.allocate(2 + lengthBytes + 4 + n);
        f.put((byte) (0x80 | opcode));
        if (lengthBytes == 0) {
            f.put((byte) (0x80 | n));
        } else if (lengthBytes == 2) {
            f.put((byte) (0x80 | 126)).putShort((short) n);
        } else {
            f.put((byte) (0x80 | 127)).putLong(n);
        }
        f.putInt(0).put(payload.duplicate());
        return f.flip();
    }

    /**
     * Takes the complete server frames at the start of {@code in} (flipped: position at the first unread byte) and
     * hands each to {@code handler}; returns with {@code in} at the first byte of an incomplete frame. Returns the
     * length of that incomplete frame when known (header read), else -1.
     */
    static long frames(ByteBuffer in, FrameHandler handler) throws IOException {
        while (in.remaining() >= 2) {
            int start = in.position();
            int b0 = in.get(start) & 0xff;
            int b1 = in.get(start + 1) & 0xff;
            int header = 2;
            long length = b1 & 0x7f;
            if (length == 126) {
                if (in.remaining() < 4) {
                    return -1;
                }
                length = in.getShort(start + 2) & 0xffff;
                header = 4;
            } else if (length == 127) {
                if (in.remaining() < 10) {
                    return -1;
                }
                length = in.getLong(start + 2);
                header = 10;
            }
            if ((b1 & 0x80) != 0) {
                throw new IOException("a masked frame from the server (RFC 6455 5.1)");
            }
            if ((b0 & 0x70) != 0) {
                throw new IOException("a frame with RSV bits set, and nothing was negotiated: " + b0);
            }
            if (in.remaining() < header + length) {
                return header + length;
            }
            ByteBuffer payload = in.duplicate().position(start + header).limit((int) (start + header + length));
            in.position((int) (start + header + length));
            handler.frame((b0 & 0x80) != 0, b0 & 0x0f, payload.slice());
        }
        return -1;
    }

    interface FrameHandler {
        void frame(boolean fin, int opcode, ByteBuffer payload) throws IOException;
    }

    @Override
    public void close() {
        connecting.shutdownNow();
        for (Loop loop : loops) {
            loop.stop();
        }
    }

    /** A selector thread: reads the frames of its bots, and writes what their senders could not. */
    private static final class Loop implements Runnable {
        private final Selector selector;
        private final Queue<Bot> joining = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean running = true;

        Loop(int index) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            thread = new Thread(this, "lean-selector-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        void register(Bot bot) {
            joining.add(bot);
            selector.wakeup();
        }

        void wakeup() {
            selector.wakeup();
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        @Override
        public void run() {
            while (running) {
                try {
                    selector.select(1000);
                    for (Bot bot = joining.poll(); bot != null; bot = joining.poll()) {
                        bot.key = bot.channel.register(selector, bot.interest(), bot);
                        bot.readable(); // bytes that came with the handshake response
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        Bot bot = (Bot) key.attachment();
                        if (key.isValid() && key.isWritable()) {
                            bot.writable();
                        }
                        if (key.isValid() && key.isReadable()) {
                            bot.readable();
                        }
                    }
                    selector.selectedKeys().clear();
                } catch (IOException | RuntimeException e) {
                    if (running) {
                        System.err.println("lean bots: selector: " + e);
                    }
                }
            }
            try {
                selector.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
    }

    /** One bot's connection. Reads on its loop's thread; writes on any thread, under its own lock. */
    private static final class Bot implements BotClient, FrameHandler {
        private final SocketChannel channel;
        private final BotInbox inbox;
        private final Loop loop;
        private final String subprotocol;
        private final GameInputs game;
        private final AtomicLong seq = new AtomicLong();
        private ByteBuffer in;
        private ByteBuffer fragments;
        private int fragmentOpcode;
        private ByteBuffer pending; // what the socket did not take, in write mode; guarded by this
        private volatile SelectionKey key;
        private volatile boolean closed;

        Bot(SocketChannel channel, BotClient.Listener listener, Loop loop, ByteBuffer in, String subprotocol,
                GameInputs game) {
            this.channel = channel;
            this.game = game;
            this.inbox = new BotInbox(listener);
            this.loop = loop;
            this.in = in;
            this.subprotocol = subprotocol;
        }

        synchronized int interest() {
            return SelectionKey.OP_READ | (pending != null && pending.position() > 0 ? SelectionKey.OP_WRITE : 0);
        }

        void readable() {
            try {
                int n = channel.read(in);
                in.flip();
                long incomplete = frames(in, this);
                in.compact();
                if (incomplete > in.capacity()) {
                    in = ByteBuffer.allocate((int) Math.max(incomplete, 2L * in.capacity())).put(in.flip());
                }
                if (n < 0) {
                    gone(1006, "the connection ended without a close frame");
                }
            } catch (IOException | RuntimeException e) {
                gone(1006, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public void frame(boolean fin, int opcode, ByteBuffer payload) throws IOException {
            switch (opcode) {
                case PING -> send(PONG, payload);
                case PONG -> { }
                case CLOSE -> {
                    int code = payload.remaining() >= 2 ? payload.getShort(0) & 0xffff : 1005;
                    String reason = payload.remaining() > 2
                            ? StandardCharsets.UTF_8.decode(payload.duplicate().position(2)).toString() : "";
                    send(CLOSE, payload.duplicate().limit(Math.min(2, payload.remaining())));
                    gone(code, reason);
                }
                default -> message(fin, opcode, payload);
            }
        }

        private void message(boolean fin, int opcode, ByteBuffer payload) {
            if (opcode != 0 && fin) {
                deliver(opcode, payload);
                return;
            }
            if (opcode != 0) {
                fragmentOpcode = opcode;
                fragments = ByteBuffer.allocate(Math.max(1024, payload.remaining() * 2));
            }
            if (fragments.remaining() < payload.remaining()) {
                fragments = ByteBuffer.allocate(2 * (fragments.position() + payload.remaining())).put(fragments.flip());
            }
            fragments.put(payload);
            if (fin) {
                deliver(fragmentOpcode, fragments.flip());
                fragments = null;
            }
        }

        private void deliver(int opcode, ByteBuffer payload) {
            if (opcode == BINARY) {
                inbox.binary(payload);
            } else if (opcode == TEXT) {
                inbox.text(StandardCharsets.UTF_8.decode(payload).toString());
            }
        }

        private void gone(int code, String reason) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                // gone anyway
            }
            inbox.closed(code, reason);
        }

        /** Writes one frame now, or after what is waiting; a closed bot sends nothing. */
        private synchronized void send(int opcode, ByteBuffer payload) {
            if (closed) {
                return;
            }
            ByteBuffer f = LeanBots.frame(opcode, payload);
            try {
                if (pending == null || pending.position() == 0) {
                    channel.write(f);
                    if (!f.hasRemaining()) {
                        return;
                    }
                }
                if (pending == null || pending.remaining() < f.remaining()) {
                    int size = Math.max(4096, 2 * ((pending == null ? 0 : pending.position()) + f.remaining()));
                    ByteBuffer bigger = ByteBuffer.allocate(size);
                    if (pending != null) {
                        bigger.put(pending.flip());
                    }
                    pending = bigger;
                }
                pending.put(f);
                SelectionKey k = key;
                if (k != null) {
                    k.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    loop.wakeup();
                }
            } catch (ClosedChannelException e) {
                closed = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot send: " + e.getMessage(), e);
            }
        }

        synchronized void writable() {
            try {
                if (pending != null) {
                    pending.flip();
                    channel.write(pending);
                    pending.compact();
                }
                if (pending == null || pending.position() == 0) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            } catch (IOException e) {
                gone(1006, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public CompletableFuture<?> join(String name, String room) {
            sendText(CODEC.encode(game == null ? new ClientMessage.Join(name, room, null)
                    : new ClientMessage.Join(name, room, null, null, null, game.name())));
            return inbox.welcome();
        }

        @Override
        public long input(int dx, int dy) {
            long n = seq.incrementAndGet();
            boolean compact = SnapshotFormat.SUBPROTOCOL.equals(subprotocol);
            if (game != null) {
                PlayerInput input = game.of(n, dx, dy);
                if (compact) {
                    send(BINARY, ByteBuffer.wrap(game.codec().binary(input)));
                } else {
                    sendText(game.codec().json(input));
                }
            } else if (compact) {
                send(BINARY, SnapshotFormat.encodeInput(n, dx, dy));
            } else {
                sendText(CODEC.encode(new ClientMessage.Input(n, dx, dy)));
            }
            return n;
        }

        private void sendText(String text) {
            send(TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public long bytesReceived() {
            return inbox.bytes();
        }

        @Override
        public String extensions() {
            return "none";
        }

        @Override
        public void close() {
            send(CLOSE, ByteBuffer.allocate(2).putShort(0, (short) 1000));
            gone(1000, "closed by the bot");
        }
    }
}
