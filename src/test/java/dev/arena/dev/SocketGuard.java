package dev.arena.dev;

import dev.arena.protocol.CloseCodes;
import dev.arena.transport.HandshakeCheck;
import dev.arena.transport.RemoteAddresses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * The dev server's connection edge, a Grizzly filter between the HTTP codec and Tyrus's WebSocket filter, keeping a
 * {@link SocketLedger} of every TCP connection:
 * <ul>
 *   <li>an upgrade request that fails {@link HandshakeCheck} gets a plain 400 or 403 with {@code Connection: close}
 *       and is closed; Tyrus never sees it;
 *   <li>a connection with no complete request for {@link SocketLedger#HANDSHAKE_MILLIS} is cut, and an address
 *       with {@code arena.maxConnectionsPerAddress} connections that are not open WebSockets gets no more;
 *   <li>when the server sends a close frame, the socket is reset at once if it is a slow consumer's (4001: it will
 *       not read the close frame, and its unsent data would keep the socket), and after {@link SocketLedger#CLOSE_MILLIS}
 *       at the latest otherwise (Tyrus closes gracefully: it waits until everything queued has been written);
 *   <li>an unmasked client frame (RFC 6455, 5.1; Tyrus accepts it) is answered with a close frame, 1002, and the
 *       connection is closed: see {@link MaskCheck}.
 * </ul>
 */
final class SocketGuard extends BaseFilter implements AddOn, AutoCloseable {
    /** RFC 6455's "protocol error", sent by the container layer (like 1009), not by the game: see docs/security.md. */
    static final int PROTOCOL_ERROR = 1002;
    private final SocketLedger<Connection<?>> ledger;
    private final Map<Connection<?>, MaskCheck> masks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arena-socket-guard");
        t.setDaemon(true);
        return t;
    });

    SocketGuard(int maxPerAddress) {
        ledger = new SocketLedger<>(maxPerAddress, System::currentTimeMillis);
        sweeper.scheduleWithFixedDelay(this::sweep, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Goes right after the HTTP codec: before Tyrus's filter, which the WebSocket add-on puts further up. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(HttpServerFilter.class) + 1, this);
    }

    SocketLedger<Connection<?>> ledger() {
        return ledger;
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        Connection<?> c = ctx.getConnection();
        String address = c.getPeerAddress() instanceof InetSocketAddress peer && peer.getAddress() != null
                ? RemoteAddresses.key(peer.getAddress()) : "unknown";
        if (!ledger.accepted(c, address)) {
            abort(c);
            return ctx.getStopAction();
        }
        c.addCloseListener((Connection.CloseListener) (closeable, type) -> {
            ledger.closed(c);
            masks.remove(c);
        });
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> c = ctx.getConnection();
        SocketLedger.State state = ledger.state(c);
        if (state == SocketLedger.State.CLOSING) {
            return ctx.getStopAction(); // refused, or closed by the server: nothing more is read
        }
        if (state == SocketLedger.State.OPEN && ctx.getMessage() instanceof HttpContent frames) {
            Buffer bytes = frames.getContent();
            if (!masks.computeIfAbsent(c, k -> new MaskCheck()).feed(bytes::get, bytes.position(), bytes.limit())) {
                ledger.closing(c);
                byte[] reason = "unmasked frame".getBytes(StandardCharsets.UTF_8);
                byte[] close = new byte[4 + reason.length];
                close[0] = (byte) 0x88;
                close[1] = (byte) (2 + reason.length);
                close[2] = (byte) (PROTOCOL_ERROR >> 8);
                close[3] = (byte) (PROTOCOL_ERROR & 0xff);
                System.arraycopy(reason, 0, close, 4, reason.length);
                ctx.write(Buffers.wrap(ctx.getMemoryManager(), close), closeAfterwards(c));
                return ctx.getStopAction();
            }
            return ctx.getInvokeAction();
        }
        if (state == SocketLedger.State.HTTP && ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            if (content.isLast()) {
                ledger.active(c);
            }
            String upgrade = request.getHeader("Upgrade");
            if (upgrade != null && upgrade.toLowerCase().contains("websocket")) {
                HandshakeCheck.Refusal refusal = HandshakeCheck.check(request.getHeader("Sec-WebSocket-Key"),
                        request.getHeader("Origin"), request.getHeader("Host"));
                if (refusal != null) {
                    refuse(ctx, request, refusal);
                    return ctx.getStopAction();
                }
            }
        }
        return ctx.getInvokeAction();
    }

    private void refuse(FilterChainContext ctx, HttpRequestPacket request, HandshakeCheck.Refusal refusal) {
        Connection<?> c = ctx.getConnection();
        ledger.closing(c);
        byte[] body = (refusal.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(refusal.status());
        response.setReasonPhrase(refusal.phrase());
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build();
        ctx.write(answer, closeAfterwards(c));
    }

    private static EmptyCompletionHandler<WriteResult> closeAfterwards(Connection<?> c) {
        return new EmptyCompletionHandler<>() {
            @Override
            public void completed(WriteResult result) {
                c.closeSilently();
            }

            @Override
            public void failed(Throwable error) {
                c.terminateSilently();
            }
        };
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        Connection<?> c = ctx.getConnection();
        Object message = ctx.getMessage();
        SocketLedger.State state = ledger.state(c);
        if (state == SocketLedger.State.HTTP) {
            HttpHeader header = message instanceof HttpContent content ? content.getHttpHeader()
                    : message instanceof HttpHeader h ? h : null;
            if (header instanceof HttpResponsePacket response && response.getStatus() == 101) {
                ledger.upgraded(c);
            } else if (header != null) {
                ledger.active(c);
            }
        } else if (state == SocketLedger.State.OPEN && message instanceof Buffer frame) {
            int closeCode = closeCode(frame);
            if (closeCode >= 0) {
                ledger.closing(c);
                if (closeCode == CloseCodes.SLOW_CONSUMER) {
                    abort(c); // it does not read: neither this frame nor what is queued before it
                }
            }
        }
        return ctx.getInvokeAction();
    }

    /**
     * The close code of a server frame written on its own (Tyrus writes each frame in one buffer): -1 when it is not
     * a close frame, 1005 when it has no code.
     */
    static int closeCode(Buffer frame) {
        int p = frame.position();
        if (frame.remaining() < 2 || (frame.get(p) & 0x0f) != 0x8 || (frame.get(p) & 0x80) == 0) {
            return -1;
        }
        int length = frame.get(p + 1) & 0x7f;
        if (length < 2 || frame.remaining() < 4) {
            return 1005;
        }
        return ((frame.get(p + 2) & 0xff) << 8) | (frame.get(p + 3) & 0xff);
    }

    /**
     * Resets the connection: SO_LINGER 0, then close. A plain close would leave the kernel's socket (FIN_WAIT1) and
     * its send buffer, up to 4 MiB, waiting for a reader that never comes.
     */
    static void abort(Connection<?> c) {
        if (c instanceof NIOConnection nio && nio.getChannel() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException e) {
                // closed already
            }
        }
        c.terminateSilently();
    }

    private void sweep() {
        for (Connection<?> c : ledger.expired()) {
            abort(c);
            ledger.closed(c); // in case the close listener does not run (never opened fully)
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
