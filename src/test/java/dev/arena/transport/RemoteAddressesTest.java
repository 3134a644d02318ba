package dev.arena.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteAddressesTest {
    @Test
    void ipv4AddressesAreCountedAsThemselves() {
        assertThat(RemoteAddresses.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(RemoteAddresses.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesAreCountedByTheirSlash64() {
        assertThat(RemoteAddresses.key("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(RemoteAddresses.key("[2001:db8:1:2:bbbb::9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(RemoteAddresses.key("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void somethingElseIsKeptAsItIsAndNeverLookedUp() {
        assertThat(RemoteAddresses.key("proxy.internal")).isEqualTo("proxy.internal");
    }
}
