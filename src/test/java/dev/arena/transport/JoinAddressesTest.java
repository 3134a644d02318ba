package dev.arena.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinAddressesTest {
    private static final UnaryOperator<String> NO_HEADERS = name -> null;

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "LocalHost:1", "tv.localhost:8080", "127.0.0.1",
        "127.0.0.1:8080", "127.9.9.9:1", "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]:80"})
    void loopbackHosts(String host) {
        assertThat(JoinAddresses.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "example.org:8080", "localhost.example.org", "192.168.1.5:8080",
        "[fd00::2]:8080", "[::1", "[::1]x", "127.0.0.1.nip.io", "10.0.0.1", ""})
    void otherHosts(String host) {
        assertThat(JoinAddresses.isLoopbackHost(host)).isFalse();
    }

    @Test
    void onlyARequestFromThisMachineForALoopbackHostWithoutAProxyMayList() {
        assertThat(JoinAddresses.mayList("127.0.0.1", "localhost:8080", NO_HEADERS)).isTrue();
        assertThat(JoinAddresses.mayList("0:0:0:0:0:0:0:1", "[::1]:8080", NO_HEADERS)).isTrue();
        assertThat(JoinAddresses.mayList("192.168.1.7", "localhost:8080", NO_HEADERS)).as("another machine").isFalse();
        assertThat(JoinAddresses.mayList("127.0.0.1", "evil.example:8080", NO_HEADERS)).as("DNS rebinding").isFalse();
        assertThat(JoinAddresses.mayList("127.0.0.1", null, NO_HEADERS)).as("no Host").isFalse();
        assertThat(JoinAddresses.mayList(null, "localhost", NO_HEADERS)).as("unknown remote").isFalse();
        assertThat(JoinAddresses.mayList("localhost", "localhost", NO_HEADERS)).as("a name, not an address").isFalse();
        for (String proxy : JoinAddresses.PROXY_HEADERS) {
            assertThat(JoinAddresses.mayList("127.0.0.1", "localhost:8080", Map.of(proxy, "203.0.113.9")::get))
                    .as(proxy).isFalse();
        }
    }

    @Test
    void theAnswerIsTheListOrA403() {
        JoinAddresses.Answer ok = JoinAddresses.answer("127.0.0.1", "localhost:8080", NO_HEADERS);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json()).startsWith("{\"addresses\":[");
        JoinAddresses.Answer refused = JoinAddresses.answer("192.168.1.7", "localhost:8080", NO_HEADERS);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).contains("\"error\":").doesNotContain("addresses");
    }

    @Test
    void theListHoldsNetworkAddressesOnlyIpv4First() throws Exception {
        boolean seenV6 = false;
        for (String host : JoinAddresses.list()) {
            boolean v6 = host.startsWith("[");
            assertThat(seenV6 && !v6).as("IPv4 before IPv6: %s", JoinAddresses.list()).isFalse();
            seenV6 |= v6;
            assertThat(host).doesNotContain("%");
            InetAddress a = InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host);
            assertThat(a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress()).as(host).isFalse();
        }
    }
}
