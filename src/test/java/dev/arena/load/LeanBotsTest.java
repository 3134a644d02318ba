package dev.arena.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lean bots' own RFC 6455 parts: the accept key, client frames, and reading server frames from a buffer. */
class LeanBotsTest {
    record Got(boolean fin, int opcode, byte[] payload) {}

    private static List<Got> read(ByteBuffer in, long[] incomplete) throws IOException {
        List<Got> got = new ArrayList<>();
        incomplete[0] = LeanBots.frames(in, (fin, opcode, payload) -> {
            byte[] b = new byte[payload.remaining()];
            payload.get(b);
            got.add(new Got(fin, opcode, b));
        });
        return got;
    }

    private static byte[] serverFrame(int first, byte[] payload) {
        int n = payload.length;
        ByteBuffer f = ByteBuffer.allocate(10 + n).put((byte) first);
        if (n < 126) {
            f.put((byte) n);
        } else if (n < 65_536) {
            f.put((byte) 126).putShort((short) n);
        } else {
            f.put((byte) 127).putLong(n);
        }
        f.put(payload);
        byte[] out = new byte[f.position()];
        f.flip().get(out);
        return out;
    }

    @Test
    void theAcceptKeyIsRfc6455sExample() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", LeanBots.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void clientFramesAreMaskedFinalAndCarryThePayloadAsIs() {
        byte[] small = {1, 2, 3};
        ByteBuffer f = LeanBots.frame(LeanBots.BINARY, ByteBuffer.wrap(small));
        assertEquals(0x82, f.get() & 0xff);
        assertEquals(0x80 | 3, f.get() & 0xff);
        assertEquals(0, f.getInt()); // the masking key: zero, so the payload is unchanged
        byte[] rest = new byte[3];
        f.get(rest);
        assertArrayEquals(small, rest);

        ByteBuffer mid = LeanBots.frame(LeanBots.TEXT, ByteBuffer.allocate(300));
        assertEquals(0x80 | 126, mid.get(1) & 0xff);
        assertEquals(300, mid.getShort(2) & 0xffff);
        assertEquals(2 + 2 + 4 + 300, mid.remaining());
        ByteBuffer big = LeanBots.frame(LeanBots.TEXT, ByteBuffer.allocate(70_000));
        assertEquals(0x80 | 127, big.get(1) & 0xff);
        assertEquals(70_000, big.getLong(2));
    }

    @Test
    void completeFramesAreReadAndAnIncompleteOneWaitsWithItsLength() throws IOException {
        byte[] a = serverFrame(0x82, new byte[] {9, 8});
        byte[] b = serverFrame(0x81, new byte[300]);
        ByteBuffer in = ByteBuffer.allocate(1000).put(a).put(b, 0, 150).flip();
        long[] incomplete = new long[1];
        List<Got> got = read(in, incomplete);
        assertEquals(1, got.size());
        assertEquals(LeanBots.BINARY, got.get(0).opcode());
        assertArrayEquals(new byte[] {9, 8}, got.get(0).payload());
        assertEquals(4 + 300, incomplete[0]); // the 16-bit length was read: the frame's whole size is known
        assertEquals(a.length, in.position()); // the incomplete frame is left where it starts

        ByteBuffer rest = ByteBuffer.allocate(1000).put(b).put(serverFrame(0x02, new byte[70_000]), 0, 5).flip();
        got = read(rest, incomplete);
        assertEquals(1, got.size());
        assertEquals(300, got.get(0).payload().length);
        assertEquals(-1, incomplete[0]); // a 64-bit length not read yet
    }

    @Test
    void fragmentsArriveWithTheirFinBit() throws IOException {
        ByteBuffer in = ByteBuffer.allocate(100).put(serverFrame(0x02, new byte[] {1}))
                .put(serverFrame(0x80, new byte[] {2})).flip();
        List<Got> got = read(in, new long[1]);
        assertEquals(List.of(false, true), got.stream().map(Got::fin).toList());
        assertEquals(List.of(LeanBots.BINARY, 0), got.stream().map(Got::opcode).toList());
    }

    @Test
    void aMaskedOrExtendedServerFrameIsAnError() {
        ByteBuffer masked = ByteBuffer.wrap(new byte[] {(byte) 0x82, (byte) 0x81, 0, 0, 0, 0, 7});
        assertThrows(IOException.class, () -> read(masked, new long[1]));
        ByteBuffer rsv1 = ByteBuffer.wrap(serverFrame(0xC2, new byte[] {7}));
        IOException e = assertThrows(IOException.class, () -> read(rsv1, new long[1]));
        assertTrue(e.getMessage().contains("RSV"), e.getMessage());
    }

    @Test
    void aServerThatTakesDeflateOrDropsTheSubprotocolIsRefusedByName() {
        String accept = LeanBots.accept("k");
        LeanBots.Response deflated = LeanBots.Response.parse("HTTP/1.1 101 Switching Protocols\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: arena.binary.1\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate\r\n");
        IOException e = assertThrows(IOException.class, () -> deflated.check(accept, true));
        assertTrue(e.getMessage().contains("-Dload.client=tyrus"), e.getMessage());
        LeanBots.Response plain = LeanBots.Response.parse("HTTP/1.1 101 Switching Protocols\r\n"
                + "sec-websocket-accept: " + accept + "\r\n");
        assertThrows(IOException.class, () -> plain.check(accept, true));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> plain.check(accept, false));
        assertThrows(IOException.class, () -> plain.check(LeanBots.accept("other"), false));
        assertThrows(IOException.class, () -> LeanBots.Response.parse("HTTP/1.1 403 Forbidden\r\n").check(accept, false));
    }
}
