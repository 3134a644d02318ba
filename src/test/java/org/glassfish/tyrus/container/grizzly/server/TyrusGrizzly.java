package org.glassfish.tyrus.container.grizzly.server;

import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.tyrus.spi.ServerContainer;

/**
 * Opens one door of Tyrus's Grizzly container for the dev server: its {@link WebSocketAddOn} (the Grizzly filter that
 * hands WebSocket upgrades to Tyrus) has a package-private constructor, so the dev server could not put WebSocket
 * on a Grizzly {@code HttpServer} of its own (one that binds the configured address and also serves
 * {@code /metrics}). This class lives in Tyrus's package (a split package: fine on the class path, which is where the
 * dev server runs; never in the WAR) and does only that.
 */
public final class TyrusGrizzly {
    private TyrusGrizzly() {}

    /** The add-on that serves the endpoints of {@code container} under {@code contextPath} on a listener. */
    public static AddOn webSocketAddOn(ServerContainer container, String contextPath) {
        return new WebSocketAddOn(container, contextPath);
    }
}
