package dev.arena.transport;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ProtocolException;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

/** Text frame to {@link ClientMessage}; an invalid frame becomes a {@link DecodeException} caused by a {@link ProtocolException}. */
public class ClientMessageDecoder implements Decoder.Text<ClientMessage> {
    private static final Codec CODEC = new Codec();

    @Override
    public ClientMessage decode(String text) throws DecodeException {
        try {
            return CODEC.decode(text);
        } catch (ProtocolException e) {
            throw new DecodeException(text, e.getMessage(), e);
        }
    }

    @Override
    public boolean willDecode(String text) {
        return text != null;
    }
}
