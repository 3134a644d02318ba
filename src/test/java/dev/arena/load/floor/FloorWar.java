package dev.arena.load.floor;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the container floor's WAR for the app servers: {@link Floor}, its endpoint and servlets, and of Arena only
 * {@code transport/TyrusIdleTimers}, a container workaround rather than game-server work, and the wire format's
 * packages ({@code protocol/}, {@code game/}) for {@code SnapshotFormat}'s codec.
 */
public final class FloorWar {
    private FloorWar() {}

    public static Path write(Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        Path war = dir.resolve("floor.war");
        ShrinkWrap.create(WebArchive.class, "floor.war")
                .addClasses(Floor.class, Floor.Client.class, FloorEndpoint.class, FloorWeb.class, FloorWeb.Health.class,
                        FloorWeb.Metrics.class, FloorConfigurator.class)
                // the one container workaround any WebSocket application on Payara needs (docs/benchmarks.md):
                // without it Payara's Tyrus schedules a managed task, with a class-path scan, per frame
                .addClasses(dev.arena.transport.TyrusIdleTimers.class)
                // and the compact format's codec, so that the floor's frames and inputs are Arena's bytes
                .addPackage(dev.arena.protocol.SnapshotFormat.class.getPackage())
                .addPackage(dev.arena.game.Input.class.getPackage())
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }
}
