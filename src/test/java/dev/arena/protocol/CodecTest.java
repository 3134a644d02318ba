package dev.arena.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message against a literal JSON string, so a renamed field breaks this test and not the browser. */
class CodecTest {
    private final Codec codec = new Codec();

    private void roundTrip(ServerMessage message, String json) {
        assertThat(codec.encode(message)).isEqualTo(json);
        assertThat(codec.decodeServerMessage(json)).isEqualTo(message);
    }

    private void decodes(String json, ClientMessage expected) throws ProtocolException {
        assertThat(codec.decode(json)).isEqualTo(expected);
        assertThat(codec.decode(codec.encode(expected))).isEqualTo(expected);
    }

    @Test
    void join() throws ProtocolException {
        decodes("{\"type\":\"join\",\"name\":\"Ada\",\"room\":\"lobby\"}", new ClientMessage.Join("Ada", "lobby"));
        decodes("{\"type\":\"join\"}", new ClientMessage.Join(null, null));
        assertThat(codec.encode(new ClientMessage.Join("Ada", "r1")))
                .isEqualTo("{\"type\":\"join\",\"name\":\"Ada\",\"room\":\"r1\"}");
    }

    @Test
    void aNumberNoBigDecimalCanHoldIsRefusedNotThrown() {
        assertRefused("{\"_ype\":\"input\",\"seq\":133333e33333333333330}", ErrorCode.MALFORMED_JSON);
        assertRefused("{\"type\":\"input\",\"seq\":1e33333333333333333333,\"dx\":0,\"dy\":0}", ErrorCode.MALFORMED_JSON);
    }

    @Test
    void deepNestingWithinTheFrameLimitIsMalformedNotThrown() {
        // Parsson throws a plain RuntimeException ("Input is too deeply nested") past 1000 levels (issue 12)
        String deep = "{\"type\":\"join\",\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        assertThat(deep.length()).isLessThan(Codec.MAX_MESSAGE_BYTES);
        assertRefused(deep, ErrorCode.MALFORMED_JSON);
        assertRefused("{\"a\":" + "{\"a\":".repeat(1500) + "1" + "}".repeat(1501), ErrorCode.MALFORMED_JSON);
    }

    @Test
    void aNumberOfThousandsOfDigitsIsRefusedNotThrown() {
        // Parsson refuses more than 1100 BigDecimal characters with UnsupportedOperationException (issue 12): a
        // number that cannot be read, like one whose exponent no BigDecimal holds
        String digits = "9".repeat(4000);
        assertRefused("{\"type\":\"input\",\"seq\":" + digits + ",\"dx\":0,\"dy\":0}", ErrorCode.MALFORMED_JSON);
        assertRefused("{\"type\":\"ping\",\"t\":" + digits + "}", ErrorCode.MALFORMED_JSON);
        assertRefused("{\"type\":\"ping\",\"t\":0." + digits + "}", ErrorCode.MALFORMED_JSON);
        assertRefused("{\"type\":\"chat\",\"text\":" + digits + "}", ErrorCode.MALFORMED_JSON);
        assertRefused("{\"tupe\":" + digits + "}", ErrorCode.MALFORMED_JSON); // Parsson reads numbers as it parses
    }

    @Test
    void joinWithResumeToken() throws ProtocolException {
        decodes("{\"type\":\"join\",\"name\":\"Ada\",\"room\":\"lobby\",\"token\":\"q5N2x_Kd0aLw-8ZkR1vT3g\"}",
                new ClientMessage.Join("Ada", "lobby", "q5N2x_Kd0aLw-8ZkR1vT3g"));
        assertThat(codec.encode(new ClientMessage.Join(null, "r1", "q5N2x_Kd0aLw-8ZkR1vT3g")))
                .isEqualTo("{\"type\":\"join\",\"room\":\"r1\",\"token\":\"q5N2x_Kd0aLw-8ZkR1vT3g\"}");
    }

    @Test
    void joinWithARole() throws ProtocolException {
        decodes("{\"type\":\"join\",\"role\":\"controller\",\"room\":\"BKRTZ\",\"name\":\"Ada\"}",
                new ClientMessage.Join("Ada", "BKRTZ", null, "controller", null));
        decodes("{\"type\":\"join\",\"role\":\"screen\",\"link\":\"https://tv.example:8443/arena/controller.html\"}",
                new ClientMessage.Join(null, null, null, "screen", "https://tv.example:8443/arena/controller.html"));
        decodes("{\"type\":\"join\",\"role\":\"spectator\",\"room\":\"lobby\"}",
                new ClientMessage.Join(null, "lobby", null, "spectator", null));
        assertThat(codec.decode("{\"type\":\"join\"}")).isInstanceOfSatisfying(ClientMessage.Join.class,
                j -> assertThat(j.roleOrDefault()).isEqualTo(Role.PLAYER));
        assertThat(codec.encode(new ClientMessage.Join("Ada", "BKRTZ", null, "controller", null)))
                .isEqualTo("{\"type\":\"join\",\"name\":\"Ada\",\"role\":\"controller\",\"room\":\"BKRTZ\"}");
    }

    @Test
    void chat() throws ProtocolException {
        decodes("{\"type\":\"chat\",\"text\":\"<b>gg</b>\"}", new ClientMessage.Chat("<b>gg</b>"));
        decodes("{\"type\":\"chat\",\"text\":\"" + "x".repeat(500) + "\"}", new ClientMessage.Chat("x".repeat(500)));
        roundTrip(new ServerMessage.Chat(42, "Ada", "<b>gg</b> & \"so\""),
                "{\"type\":\"chat\",\"from\":42,\"name\":\"Ada\",\"text\":\"<b>gg</b> & \\\"so\\\"\"}");
    }

    @Test
    void partyMessages() {
        roundTrip(new ServerMessage.Self(118, 1763740800000L, 130.5, 300.25, 42),
                "{\"type\":\"self\",\"seq\":42,\"tick\":118,\"time\":1763740800000,\"x\":130.5,\"y\":300.25}");
        roundTrip(new ServerMessage.Audience(3, 1, 1),
                "{\"type\":\"audience\",\"players\":3,\"screens\":1,\"spectators\":1}");
        roundTrip(new ServerMessage.Party("BKRTZ", "http://h/controller.html?room=BKRTZ", List.of("101", "010", "101")),
                "{\"type\":\"party\",\"code\":\"BKRTZ\",\"joinUrl\":\"http://h/controller.html?room=BKRTZ\","
                        + "\"qr\":[\"101\",\"010\",\"101\"]}");
    }

    @Test
    void input() throws ProtocolException {
        decodes("{\"type\":\"input\",\"seq\":42,\"dx\":1,\"dy\":0}", new ClientMessage.Input(42L, 1, 0));
        decodes("{\"dy\":-1,\"dx\":-1,\"seq\":9007199254740991,\"type\":\"input\"}",
                new ClientMessage.Input(9007199254740991L, -1, -1));
        assertThat(codec.encode(new ClientMessage.Input(7L, 0, -1)))
                .isEqualTo("{\"type\":\"input\",\"dx\":0,\"dy\":-1,\"seq\":7}");
    }

    @Test
    void ping() throws ProtocolException {
        decodes("{\"type\":\"ping\",\"t\":1234.5}", new ClientMessage.Ping(1234.5));
        decodes("{\"type\":\"ping\",\"t\":-3}", new ClientMessage.Ping(-3.0));
    }

    @Test
    void unknownExtraFieldsAreIgnored() throws ProtocolException {
        decodes("{\"type\":\"ping\",\"t\":1,\"extra\":{\"a\":[1,2]}}", new ClientMessage.Ping(1.0));
    }

    @Test
    void welcome() {
        roundTrip(
                new ServerMessage.Welcome(1, 77, "lobby", 500, 400, 20, 200.0, 10.0, 3,
                        List.of(new ServerMessage.PlayerInfo(77, "Ada", "#3cdd3c", 120.5, 300.25)),
                        "q5N2x_Kd0aLw-8ZkR1vT3g", true, "dots"),
                "{\"type\":\"welcome\",\"game\":\"dots\",\"height\":400,\"id\":77,\"players\":[{\"color\":\"#3cdd3c\",\"id\":77,"
                        + "\"name\":\"Ada\",\"x\":120.5,\"y\":300.25}],\"protocol\":1,\"radius\":10.0,"
                        + "\"resumed\":true,\"room\":\"lobby\",\"speed\":200.0,\"tick\":3,\"tickRate\":20,"
                        + "\"token\":\"q5N2x_Kd0aLw-8ZkR1vT3g\",\"width\":500}");
    }

    @Test
    void everyWelcomeNamesTheRoomsGameAndOneWithoutItStillDecodes() {
        dev.arena.game.PlayerState ada = new dev.arena.game.PlayerState(new dev.arena.game.PlayerId(7), "Ada",
                new dev.arena.game.Colour(10), new dev.arena.game.Vec2(1, 2), dev.arena.game.Input.NONE, 0);
        dev.arena.game.WorldSnapshot state = new dev.arena.game.WorldSnapshot(4, List.of(ada));
        assertThat(Assembler.welcome(ada, "r", dev.arena.game.Rules.DEFAULT, state, "t", false).game())
                .isEqualTo(ServerMessage.Welcome.DOTS);
        assertThat(Assembler.watcherWelcome("r", dev.arena.game.Rules.DEFAULT, state, "t", false).game())
                .isEqualTo(ServerMessage.Welcome.DOTS);
        assertThat(codec.encode(Assembler.welcome(ada, "r", dev.arena.game.Rules.DEFAULT, state, "t", false)))
                .startsWith("{\"type\":\"welcome\",\"game\":\"dots\",");
        // the name the browser loads its module by is the game's own name
        assertThat(ServerMessage.Welcome.DOTS).isEqualTo(dev.arena.games.dots.DotsGame.NAME);
        // an older server's welcome, without the field: decodes, with no game
        String older = "{\"type\":\"welcome\",\"height\":400,\"id\":77,\"players\":[],\"protocol\":1,"
                + "\"radius\":10.0,\"resumed\":false,\"room\":\"lobby\",\"speed\":200.0,\"tick\":3,"
                + "\"tickRate\":20,\"token\":\"q5N2x_Kd0aLw-8ZkR1vT3g\",\"width\":500}";
        assertThat(((ServerMessage.Welcome) codec.decodeServerMessage(older)).game()).isNull();
    }

    @Test
    void snapshot() {
        roundTrip(
                new ServerMessage.Snapshot(118, 1763740800000L,
                        List.of(new ServerMessage.PlayerPosition(5, 130.5, 300.25, 42))),
                "{\"type\":\"snapshot\",\"players\":[{\"id\":5,\"seq\":42,\"x\":130.5,\"y\":300.25}],"
                        + "\"tick\":118,\"time\":1763740800000}");
    }

    @Test
    void joinsAndLeaves() {
        roundTrip(
                new ServerMessage.PlayerJoined(new ServerMessage.PlayerInfo(6, "Grace", "#dd3c3c", 20.0, 40.0)),
                "{\"type\":\"playerJoined\",\"player\":{\"color\":\"#dd3c3c\",\"id\":6,\"name\":\"Grace\","
                        + "\"x\":20.0,\"y\":40.0}}");
        roundTrip(new ServerMessage.PlayerLeft(6), "{\"type\":\"playerLeft\",\"id\":6}");
    }

    @Test
    void pongAndError() {
        roundTrip(new ServerMessage.Pong(1234.5, 99), "{\"type\":\"pong\",\"t\":1234.5,\"time\":99}");
        roundTrip(new ServerMessage.Error("room_full", "full"),
                "{\"type\":\"error\",\"code\":\"room_full\",\"message\":\"full\"}");
    }

    @Test
    void namesAreEscapedAsJsonStrings() {
        String json = codec.encode(new ServerMessage.PlayerJoined(
                new ServerMessage.PlayerInfo(1, "\"</script>\\", "#000000", 0, 0)));
        assertThat(json).contains("\"name\":\"\\\"</script>\\\\\"");
        assertThat(codec.decodeServerMessage(json)).isInstanceOf(ServerMessage.PlayerJoined.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "{\"type\":\"ping\",\"t\":1", "[1,2]", "42", "\"join\"", "null",
        "{\"type\":\"ping\",\"t\":NaN}", "{\"type\":\"ping\"}{\"type\":\"ping\"}"})
    void malformedJsonIsRefused(String text) {
        assertRefused(text, ErrorCode.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"type\":\"jump\"}", "{\"type\":1}", "{\"type\":null}", "{\"type\":[\"join\"]}",
        "{\"type\":\"Join\"}", "{\"kind\":\"join\"}"})
    void unknownTypeIsRefused(String text) {
        assertRefused(text, ErrorCode.UNKNOWN_TYPE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"input\",\"dx\":1,\"dy\":0}                              | 'input.seq' is required",
        "{\"type\":\"input\",\"seq\":1,\"dy\":0}                             | 'input.dx' is required",
        "{\"type\":\"input\",\"seq\":1,\"dx\":null,\"dy\":0}                 | 'input.dx' is required",
        "{\"type\":\"input\",\"seq\":1,\"dx\":\"left\",\"dy\":0}             | 'input.dx' must be a number",
        "{\"type\":\"input\",\"seq\":1,\"dx\":true,\"dy\":0}                 | 'input.dx' must be a number",
        "{\"type\":\"input\",\"seq\":1.5,\"dx\":1,\"dy\":0}                  | 'input.seq' must be an integer",
        "{\"type\":\"input\",\"seq\":1e400,\"dx\":1,\"dy\":0}                | 'input.seq' must be an integer",
        "{\"type\":\"input\",\"seq\":99999999999999999999999,\"dx\":1,\"dy\":0} | 'input.seq' must be an integer",
        "{\"type\":\"input\",\"seq\":9007199254740992,\"dx\":1,\"dy\":0}     | 'input.seq' must be 1..9007199254740991",
        "{\"type\":\"input\",\"seq\":0,\"dx\":1,\"dy\":0}                    | 'input.seq' must be 1..9007199254740991",
        "{\"type\":\"input\",\"seq\":-5,\"dx\":1,\"dy\":0}                   | 'input.seq' must be 1..9007199254740991",
        "{\"type\":\"input\",\"seq\":1,\"dx\":2,\"dy\":0}                    | 'input.dx' must be -1, 0 or 1",
        "{\"type\":\"input\",\"seq\":1,\"dx\":0,\"dy\":-7}                   | 'input.dy' must be -1, 0 or 1",
        "{\"type\":\"input\",\"seq\":1,\"dx\":4294967297,\"dy\":0}           | 'input.dx' must be an integer",
        "{\"type\":\"ping\",\"t\":\"NaN\"}                                   | 'ping.t' must be a number",
        "{\"type\":\"ping\",\"t\":1e400}                                     | 'ping.t' must be a finite number",
        "{\"type\":\"ping\",\"t\":null}                                      | 'ping.t' is required",
        "{\"type\":\"join\",\"name\":5}                                      | 'join.name' must be a string",
        "{\"type\":\"join\",\"room\":\"a room\"}                             | 'join.room' must be 1-32 letters, digits, '-' or '_'",
        "{\"type\":\"join\",\"room\":\"\"}                                   | 'join.room' must be 1-32 letters, digits, '-' or '_'",
        "{\"type\":\"join\",\"room\":\"abcdefghijabcdefghijabcdefghijabc\"}  | 'join.room' must be 1-32 letters, digits, '-' or '_'",
        "{\"type\":\"join\",\"token\":7}                                     | 'join.token' must be a string",
        "{\"type\":\"join\",\"token\":\"short\"}                           | 'join.token' must be a token from 'welcome'",
        "{\"type\":\"join\",\"token\":\"q5N2x_Kd0aLw+8ZkR1vT3g\"}          | 'join.token' must be a token from 'welcome'",
        "{\"type\":\"join\",\"role\":\"admin\"}                      | 'join.role' must be 'player', 'controller', 'screen' or 'spectator'",
        "{\"type\":\"join\",\"role\":\"Screen\"}                     | 'join.role' must be 'player', 'controller', 'screen' or 'spectator'",
        "{\"type\":\"join\",\"role\":1}                                | 'join.role' must be a string",
        "{\"type\":\"join\",\"link\":\"javascript:alert(1)\"}        | 'join.link' must be an http(s) URL without query or fragment, at most 308 characters",
        "{\"type\":\"join\",\"link\":\"http://h/c.html?room=X\"}     | 'join.link' must be an http(s) URL without query or fragment, at most 308 characters",
        "{\"type\":\"join\",\"link\":\"http://h/a b\"}               | 'join.link' must be an http(s) URL without query or fragment, at most 308 characters",
        "{\"type\":\"join\",\"link\":\"http://h/\\\"><script>\"}      | 'join.link' must be an http(s) URL without query or fragment, at most 308 characters",
        "{\"type\":\"chat\"}                                             | 'chat.text' is required",
        "{\"type\":\"chat\",\"text\":7}                                | 'chat.text' must be a string",
    })
    void invalidFieldsAreRefusedNamingTheField(String text, String message) {
        assertThatThrownBy(() -> codec.decode(text))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void overlongChatAndLinkAreRefused() {
        assertRefused("{\"type\":\"chat\",\"text\":\"" + "x".repeat(501) + "\"}", ErrorCode.INVALID_FIELD);
        assertRefused("{\"type\":\"join\",\"link\":\"http://" + "h".repeat(301) + "\"}", ErrorCode.INVALID_FIELD);
    }

    @Test
    void overlongNameIsRefused() {
        String text = "{\"type\":\"join\",\"name\":\"" + "x".repeat(201) + "\"}";
        assertRefused(text, ErrorCode.INVALID_FIELD);
    }

    private void assertRefused(String text, ErrorCode code) {
        assertThatThrownBy(() -> codec.decode(text))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
