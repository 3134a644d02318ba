package dev.arena.load;

import jakarta.websocket.Extension;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.glassfish.tyrus.core.extension.ExtendedExtension;
import org.glassfish.tyrus.core.frame.Frame;

/**
 * The client side of permessage-deflate (RFC 7692) for the bots' Tyrus client, offered as browsers offer it
 * ({@code permessage-deflate; client_max_window_bits}). Tyrus's own implementation (tyrus-extension-deflate) is not
 * on Maven Central, and the JDK's WebSocket client supports no extensions at all: it may not even set the
 * {@code Sec-WebSocket-Extensions} header. Both directions keep their context across messages (context takeover)
 * unless the server's answer says {@code server_no_context_takeover} / {@code client_no_context_takeover}; the
 * window is 32 KiB (15 bits), the only one {@link Deflater} makes, so a server asking the client for a smaller one
 * fails the handshake. Outgoing messages (small inputs) are compressed whole; incoming ones may come in fragments
 * (Tomcat splits a large {@code welcome}), which are inflated frame by frame.
 */
final class PerMessageDeflate implements ExtendedExtension {
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};
    private static final String STATE = PerMessageDeflate.class.getName();

    /** One connection's compression state. */
    private static final class State {
        final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        final Inflater inflater = new Inflater(true);
        boolean resetOut;
        boolean resetIn;
        final byte[] buffer = new byte[8192];
        boolean inCompressedMessage; // between the first and the last frame of a compressed fragmented message
    }

    @Override
    public String getName() {
        return "permessage-deflate";
    }

    @Override
    public List<Parameter> getParameters() {
        return List.of(new Parameter() {
            @Override
            public String getName() {
                return "client_max_window_bits";
            }

            @Override
            public String getValue() {
                return null; // offered without a value, as browsers do: "I can take any window the server asks for"
            }
        });
    }

    @Override
    public List<Parameter> onExtensionNegotiation(ExtensionContext context, List<Parameter> requested) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void onHandshakeResponse(ExtensionContext context, List<Parameter> response) {
        State s = new State();
        for (Parameter p : response) {
            switch (p.getName()) {
                case "server_no_context_takeover" -> s.resetIn = true;
                case "client_no_context_takeover" -> s.resetOut = true;
                case "client_max_window_bits" -> {
                    if (p.getValue() != null && Integer.parseInt(p.getValue().trim()) < 15) {
                        throw new IllegalStateException("the server asks for a deflate window of " + p.getValue()
                                + " bits; this client makes only 15");
                    }
                }
                default -> { } // server_max_window_bits: any window inflates
            }
        }
        context.getProperties().put(STATE, s);
    }

    @Override
    public Frame processOutgoing(ExtensionContext context, Frame frame) {
        State s = (State) context.getProperties().get(STATE);
        if (s == null || frame.isControlFrame()) {
            return frame;
        }
        byte[] payload = frame.getPayloadData();
        s.deflater.setInput(payload, 0, (int) frame.getPayloadLength());
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 16);
        int n;
        do {
            n = s.deflater.deflate(s.buffer, 0, s.buffer.length, Deflater.SYNC_FLUSH);
            out.write(s.buffer, 0, n);
        } while (n == s.buffer.length);
        byte[] compressed = out.toByteArray();
        int length = compressed.length - TAIL.length; // a sync flush ends in 00 00 ff ff, which is left off
        if (s.resetOut) {
            s.deflater.reset();
        }
        return Frame.builder(frame).payloadData(compressed).payloadLength(length).rsv1(true).build();
    }

    @Override
    public Frame processIncoming(ExtensionContext context, Frame frame) {
        State s = (State) context.getProperties().get(STATE);
        if (s == null || frame.isControlFrame()) {
            return frame;
        }
        // RSV1 is set on the first frame of a compressed message only; its continuation frames (opcode 0) follow
        boolean compressed = frame.getOpcode() == 0 ? s.inCompressedMessage : frame.isRsv1();
        s.inCompressedMessage = compressed && !frame.isFin();
        if (!compressed) {
            return frame; // an uncompressed message (a server may send one)
        }
        int length = (int) frame.getPayloadLength();
        int tail = frame.isFin() ? TAIL.length : 0; // the last frame of the message gets the sync-flush tail back
        byte[] in = new byte[length + tail];
        System.arraycopy(frame.getPayloadData(), 0, in, 0, length);
        if (frame.isFin()) {
            System.arraycopy(TAIL, 0, in, length, TAIL.length);
        }
        s.inflater.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * 4 + 16);
        try {
            while (!s.inflater.needsInput()) {
                int n = s.inflater.inflate(s.buffer);
                if (n == 0 && (s.inflater.needsInput() || s.inflater.finished() || s.inflater.needsDictionary())) {
                    break;
                }
                out.write(s.buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a compressed message that does not inflate: " + e.getMessage(), e);
        }
        if (s.resetIn && frame.isFin()) {
            s.inflater.reset();
        }
        byte[] plain = out.toByteArray();
        return Frame.builder(frame).payloadData(plain).payloadLength(plain.length).rsv1(false).build();
    }

    @Override
    public void destroy(ExtensionContext context) {
        State s = (State) context.getProperties().remove(STATE);
        if (s != null) {
            s.deflater.end();
            s.inflater.end();
        }
    }
}
