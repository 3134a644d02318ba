package dev.arena.it;

import dev.arena.dev.DevServer;
import dev.arena.it.scenario.AllScenarios;
import dev.arena.server.ArenaConfig;
import dev.arena.support.ArenaTarget;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared scenarios ({@code it/scenario}) against the in-JVM dev server, started once with the settings the app
 * servers of the run start with ({@link ArenaTarget#serverSettings}, read as the WAR reads its system properties;
 * the WAR's defaults but a short coin rush round). {@link DeployedWarIT} runs the same scenarios against the WAR on
 * each app server; the switch {@code arena.it.target} (docs/testing.md) says which target a Failsafe execution is
 * for.
 */
class DevServerScenariosIT implements AllScenarios {
    private static DevServer server;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = ArenaTarget.serverSettings();
        server = DevServer.startForTests(ArenaConfig.from(settings::get, settings.keySet()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    public ArenaTarget target() {
        return ArenaTarget.dev(server);
    }
}
