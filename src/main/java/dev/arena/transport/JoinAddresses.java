package dev.arena.transport;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code GET /addresses}: this machine's network addresses, for a party screen opened at {@code localhost} (a join
 * link at {@code localhost} or {@code 127.0.0.1} is one no phone can open). The page offers them as the host of its
 * join link (docs/protocol.md, "Join addresses"). The same answer on the dev server and in the WAR.
 *
 * <p>Only for a page on this machine: the request must come from a loopback address, name a loopback host
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) and carry no proxy header ({@code Forwarded},
 * {@code X-Forwarded-For}, {@code X-Forwarded-Host}, {@code X-Real-IP}); anything else gets 403. So the list is
 * never told to another machine, also not through a reverse proxy on this one, nor to a site whose name resolves to
 * 127.0.0.1 (DNS rebinding: its Host header names the site). No CORS header: other origins cannot read it.
 */
public final class JoinAddresses {
    /** The proxy headers that make a request not "from this machine", whatever its remote address. */
    static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The body of a 200: the addresses as URL hosts, IPv4 first ({@code ["192.168.1.5","[fd00::5]"]}). */
    public record Listing(List<String> addresses) {}

    /** The body of a 403. */
    public record Refusal(String error) {}

    /** A status and its JSON body. */
    public record Answer(int status, String json) {}

    private JoinAddresses() {}

    /**
     * The answer to a request from {@code remoteAddress} (an IP literal) for {@code host} (its Host header, with or
     * without port), whose other headers {@code header} looks up (null: absent).
     */
    public static Answer answer(String remoteAddress, String host, UnaryOperator<String> header) {
        if (!mayList(remoteAddress, host, header)) {
            return new Answer(403, JSONB.toJson(new Refusal(
                    "only for a page opened on this machine at localhost, without a proxy")));
        }
        return new Answer(200, JSONB.toJson(new Listing(list())));
    }

    /** Whether the request comes from this machine, for a loopback host, through no proxy. */
    static boolean mayList(String remoteAddress, String host, UnaryOperator<String> header) {
        for (String name : PROXY_HEADERS) {
            if (header.apply(name) != null) {
                return false;
            }
        }
        return remoteAddress != null && isLoopbackLiteral(remoteAddress) && host != null && isLoopbackHost(host);
    }

    /** {@code localhost}, {@code *.localhost} or a loopback IP literal, with or without {@code :port}. */
    static boolean isLoopbackHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0 || !(end == h.length() - 1 || h.charAt(end + 1) == ':')) {
                return false;
            }
            return isLoopbackLiteral(h.substring(1, end));
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        return h.matches("[0-9.]+") && isLoopbackLiteral(h);
    }

    /** An IP literal (no name is ever looked up) that is a loopback address. */
    static boolean isLoopbackLiteral(String literal) {
        String s = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        if (!(s.matches("[0-9.]+") || (s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.]+")))) {
            return false;
        }
        try {
            return InetAddress.getByName(s).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /**
     * This machine's addresses a phone on its network could open, as URL hosts: every address of every interface
     * that is up and not a loopback one, except loopback, link-local (IPv6 ones need a zone, which a URL on a phone
     * cannot carry), wildcard and multicast addresses. IPv4 first, then IPv6 in brackets; in interface order.
     */
    public static List<String> list() {
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                            || a.isMulticastAddress()) {
                        continue;
                    }
                    if (a instanceof Inet4Address) {
                        v4.add(a.getHostAddress());
                    } else {
                        String literal = a.getHostAddress();
                        int zone = literal.indexOf('%');
                        v6.add("[" + (zone < 0 ? literal : literal.substring(0, zone)) + "]");
                    }
                }
            }
        } catch (SocketException e) {
            return List.of(); // the interfaces cannot be listed: none to offer (the page says so)
        }
        List<String> all = new ArrayList<>(v4);
        all.addAll(v6);
        return List.copyOf(all);
    }
}
