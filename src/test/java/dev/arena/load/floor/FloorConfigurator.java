package dev.arena.load.floor;

import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/** As Arena's endpoint: no permessage-deflate on any server (docs/benchmarks.md), so the floor sends the same bytes. */
public class FloorConfigurator extends ServerEndpointConfig.Configurator {
    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return List.of();
    }
}
