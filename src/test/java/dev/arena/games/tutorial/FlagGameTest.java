package dev.arena.games.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.snapshot.ClientStream;
import dev.arena.snapshot.Frame;
import dev.arena.snapshot.StateDecoder;
import dev.arena.spi.Event;
import dev.arena.spi.Match;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Settings;
import dev.arena.spi.Viewer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The tutorial's game is played through the SPI, and docs/games.md shows its code as it is (the docs cannot rot). */
class FlagGameTest {
    static final FlagGame GAME = new FlagGame();

    @Test
    void aPlayerWalksToTheFlagsAndScores() {
        Match m = Match.start(GAME, Settings.read(GAME, Map.of("arena.game.flag.size", "5")), 10, 1);
        m.join(1, "me");
        ClientStream stream = new ClientStream(GAME.schema(), Viewer.player(1));
        StateDecoder client = new StateDecoder(GAME.schema(), Viewer.player(1));
        List<Event> captured = new ArrayList<>();
        long seq = 0;
        for (int t = 0; t < 400 && captured.size() < 3; t++) {
            m.step();
            captured.addAll(m.drainEvents());
            client.apply(ByteBuffer.wrap(stream.next(Frame.of(m, 0)).binary()));
            var me = client.entities().get("player").get(1).values();
            var flag = client.entities().get("flag").values().stream().findFirst();
            if (flag.isPresent()) { // steer towards the flag, as a bot would from what it was sent
                long dx = Long.signum((Long) flag.get().values().get("x") - (Long) me.get("x"));
                long dy = Long.signum((Long) flag.get().values().get("y") - (Long) me.get("y"));
                m.input(1, PlayerInput.of(FlagGame.MOVE, ++seq, dx, dy));
            }
            assertThat(me).doesNotContainKeys("dx", "dy");
        }
        assertThat(captured).hasSize(3);
        assertThat(m.scores().get(0).points()).isEqualTo(3);
        assertThat(Match.restore(GAME, m.capture()).capture()).isEqualTo(m.capture());
        assertThat(m.join(2, "a").getClass()).isEqualTo(dev.arena.spi.Admission.Admitted.class);
    }

    @Test
    void everyJavaBlockOfTheTutorialIsInTheExampleGame() throws IOException {
        String doc = Files.readString(Path.of("docs/games.md"));
        String source = Files.readString(Path.of("src/test/java/dev/arena/games/tutorial/FlagGame.java"));
        Matcher blocks = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int n = 0;
        while (blocks.find()) {
            n++;
            assertThat(source).as("java block %d of docs/games.md", n).contains(blocks.group(1));
        }
        assertThat(n).isGreaterThanOrEqualTo(4);
    }
}
