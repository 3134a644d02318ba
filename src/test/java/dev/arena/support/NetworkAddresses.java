package dev.arena.support;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the tests expect {@code GET /addresses} to list, straight from {@link NetworkInterface}: the addresses of this
 * machine's interfaces that are up, as URL hosts, without loopback and link-local ones (docs/protocol.md).
 */
public final class NetworkAddresses {
    private NetworkAddresses() {}

    public static Set<String> expected() throws SocketException {
        Set<String> hosts = new LinkedHashSet<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()) {
                    continue;
                }
                String literal = a.getHostAddress().replaceFirst("%.*$", "");
                hosts.add(a instanceof Inet6Address ? "[" + literal + "]" : literal);
            }
        }
        return hosts;
    }
}
