package dev.arena.support;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's TCP tables ({@code /proc/net/tcp} and {@code /proc/net/tcp6}, Linux), what {@code ss -tn} shows:
 * whether a socket of this machine is still open, and in which state, without reading from it (reading would change
 * what a test observes). IPv4 endpoints are looked up in both tables: Java's sockets are IPv6 sockets by default, so
 * their IPv4 connections show in {@code tcp6} as IPv4-mapped addresses.
 */
public final class TcpTable {
    private static final String[] STATES = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
        "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};

    private TcpTable() {}

    /** The state of the socket from {@code local} to {@code remote} (IPv4), or null when there is none (closed). */
    public static String state(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        String[] f = row(local, remote);
        return f == null ? null : STATES[Integer.parseInt(f[3], 16)];
    }

    /**
     * The bytes queued on the socket from {@code local} to {@code remote} (IPv4), as {@code {sent and not yet
     * acknowledged, received and not yet read}} ({@code tx_queue}, {@code rx_queue}), or null when there is none.
     */
    public static long[] queued(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        String[] f = row(local, remote);
        if (f == null) {
            return null;
        }
        String[] q = f[4].split(":");
        return new long[] {Long.parseLong(q[0], 16), Long.parseLong(q[1], 16)};
    }

    /** Sockets (any state but TIME_WAIT and LISTEN) with local port {@code port} and the remote end on {@code host}. */
    public static int countFrom(String host, int port) throws IOException {
        int n = 0;
        for (String[] f : rows()) {
            String[] remote = f[2].split(":");
            if (Integer.parseInt(f[1].split(":")[1], 16) == port && hostOf(remote[0]).equals(host)
                    && !f[3].equals("06") && !f[3].equals("0A")) {
                n++;
            }
        }
        return n;
    }

    /** The table's row of the socket from {@code local} to {@code remote} (IPv4), split into fields, or null. */
    private static String[] row(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        for (String[] f : rows()) {
            if (matches(f[1], local) && matches(f[2], remote)) {
                return f;
            }
        }
        return null;
    }

    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(table);
            if (Files.exists(p)) {
                List<String> lines = Files.readAllLines(p);
                for (String line : lines.subList(1, lines.size())) {
                    rows.add(line.trim().split("\\s+"));
                }
            }
        }
        return rows;
    }

    private static boolean matches(String hexEndpoint, InetSocketAddress a) {
        String[] parts = hexEndpoint.split(":");
        return Integer.parseInt(parts[1], 16) == a.getPort() && a.getAddress() instanceof Inet4Address
                && hostOf(parts[0]).equals(a.getAddress().getHostAddress());
    }

    /** An IPv4 address (8 hex digits, or an IPv4-mapped IPv6 one, 32) as a dotted literal; otherwise the hex. */
    private static String hostOf(String hex) {
        String v4;
        if (hex.length() == 8) {
            v4 = hex;
        } else if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
            v4 = hex.substring(24);
        } else {
            return hex;
        }
        // each 32-bit word is in host byte order (little-endian)
        return Integer.parseInt(v4.substring(6, 8), 16) + "." + Integer.parseInt(v4.substring(4, 6), 16) + "."
                + Integer.parseInt(v4.substring(2, 4), 16) + "." + Integer.parseInt(v4.substring(0, 2), 16);
    }
}
