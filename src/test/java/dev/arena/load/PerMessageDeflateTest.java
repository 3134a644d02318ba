package dev.arena.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.Extension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.glassfish.tyrus.core.extension.ExtendedExtension;
import org.glassfish.tyrus.core.frame.Frame;
import org.junit.jupiter.api.Test;

/** The bots' permessage-deflate against a plain zlib peer (the server's side, as RFC 7692 describes it). */
class PerMessageDeflateTest {
    private final Map<String, Object> properties = new HashMap<>();
    private final ExtendedExtension.ExtensionContext context = () -> properties;
    private final PerMessageDeflate deflate = new PerMessageDeflate();

    private static Frame text(byte[] payload) {
        return Frame.builder().fin(true).opcode((byte) 1).payloadData(payload).payloadLength(payload.length).build();
    }

    private static Extension.Parameter param(String name, String value) {
        return new Extension.Parameter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public String getValue() {
                return value;
            }
        };
    }

    @Test
    void offersWhatBrowsersOffer() {
        assertThat(deflate.getName()).isEqualTo("permessage-deflate");
        assertThat(deflate.getParameters()).extracting(Extension.Parameter::getName)
                .containsExactly("client_max_window_bits");
    }

    @Test
    void outgoingMessagesInflateOnTheServerWithContextKeptBetweenThem() throws Exception {
        deflate.onHandshakeResponse(context, List.of());
        Inflater server = new Inflater(true);
        for (int i = 0; i < 3; i++) {
            byte[] message = ("{\"type\":\"input\",\"seq\":" + i + ",\"dx\":1,\"dy\":-1}").getBytes(StandardCharsets.UTF_8);
            Frame sent = deflate.processOutgoing(context, text(message));
            assertThat(sent.isRsv1()).isTrue();
            byte[] wire = Arrays.copyOf(sent.getPayloadData(), (int) sent.getPayloadLength());
            byte[] withTail = Arrays.copyOf(wire, wire.length + 4);
            withTail[wire.length + 2] = (byte) 0xff;
            withTail[wire.length + 3] = (byte) 0xff;
            server.setInput(withTail);
            byte[] out = new byte[1024];
            int n = server.inflate(out);
            assertThat(Arrays.copyOf(out, n)).isEqualTo(message);
            if (i > 0) {
                assertThat(wire.length).as("context takeover: a repeated message costs less").isLessThan(message.length / 2);
            }
        }
        deflate.destroy(context);
        assertThat(properties).isEmpty();
    }

    @Test
    void incomingCompressedAndPlainMessagesComeOutAsSent() {
        deflate.onHandshakeResponse(context, List.of(param("server_max_window_bits", "15")));
        Deflater server = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        for (int i = 0; i < 3; i++) {
            byte[] message = new byte[3000];
            for (int k = 0; k < message.length; k++) {
                message[k] = (byte) ((k * (i + 1)) % 7);
            }
            server.setInput(message);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            byte[] buf = new byte[256]; // small, so that the compressed message spans several of the client's reads
            int n;
            do {
                n = server.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                wire.write(buf, 0, n);
            } while (n == buf.length);
            byte[] compressed = Arrays.copyOf(wire.toByteArray(), wire.size() - 4); // without 00 00 ff ff
            Frame in = Frame.builder(text(compressed)).rsv1(true).opcode((byte) 2).build();
            Frame out = deflate.processIncoming(context, in);
            assertThat(out.isRsv1()).isFalse();
            assertThat(Arrays.copyOf(out.getPayloadData(), (int) out.getPayloadLength())).isEqualTo(message);
        }
        byte[] plain = "not compressed".getBytes(StandardCharsets.UTF_8);
        assertThat(deflate.processIncoming(context, text(plain)).getPayloadData()).isEqualTo(plain);
    }

    @Test
    void aCompressedMessageInFragmentsInflatesFrameByFrame() {
        deflate.onHandshakeResponse(context, List.of());
        byte[] message = new byte[20000];
        for (int k = 0; k < message.length; k++) {
            message[k] = (byte) (k * 31 % 251);
        }
        Deflater server = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        server.setInput(message);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        do {
            n = server.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            wire.write(buf, 0, n);
        } while (n == buf.length);
        byte[] compressed = Arrays.copyOf(wire.toByteArray(), wire.size() - 4);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int third = compressed.length / 3;
        for (int part = 0; part < 3; part++) {
            byte[] piece = Arrays.copyOfRange(compressed, part * third, part == 2 ? compressed.length : (part + 1) * third);
            Frame f = Frame.builder().fin(part == 2).rsv1(part == 0).opcode((byte) (part == 0 ? 2 : 0))
                    .payloadData(piece).payloadLength(piece.length).build();
            Frame out = deflate.processIncoming(context, f);
            assertThat(out.isRsv1()).isFalse();
            got.write(out.getPayloadData(), 0, (int) out.getPayloadLength());
        }
        assertThat(got.toByteArray()).isEqualTo(message);
        byte[] plain = "after it, plain".getBytes(StandardCharsets.UTF_8);
        assertThat(deflate.processIncoming(context, text(plain)).getPayloadData()).isEqualTo(plain);
    }

    @Test
    void aServerAskingForASmallerClientWindowFailsTheHandshake() {
        assertThatThrownBy(() -> deflate.onHandshakeResponse(context, List.of(param("client_max_window_bits", "10"))))
                .hasMessageContaining("10 bits");
    }
}
