package dev.arena.load.floor;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/** {@code /game} of the container floor ({@link Floor}): a join is answered with a welcome at the next tick, inputs set the ack. */
@ServerEndpoint(value = "/game", subprotocols = "arena.binary.1", configurator = FloorConfigurator.class)
public class FloorEndpoint {
    private Floor.Client client;

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(-1);
        Floor.INSTANCE.start(); // the dev server has no listener to start it
        client = Floor.INSTANCE.open(session);
    }

    @OnMessage
    public void text(String text) {
        if (text.contains("\"join\"")) {
            client.welcome = Floor.INSTANCE.welcome(client); // sent by the next tick, before its frame
        }
    }

    @OnMessage
    public void binary(ByteBuffer frame) {
        Floor.input(client, frame);
    }

    @OnClose
    public void close(Session session) {
        Floor.INSTANCE.close(session);
    }
}
