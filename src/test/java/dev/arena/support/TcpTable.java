package dev.arena.support;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's TCP table ({@code /proc/net/tcp}, Linux), what {@code ss -tn} shows: whether a socket of this machine
 * is still open, and in which state, without reading from it (reading would change what a test observes).
 */
public final class TcpTable {
    private static final String[] STATES = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
        "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};

    private TcpTable() {}

    /** The state of the IPv4 socket from {@code local} to {@code remote}, or null when there is none (closed). */
    public static String state(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        String l = hex(local);
        String r = hex(remote);
        List<String> lines = Files.readAllLines(Path.of("/proc/net/tcp"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f[1].equalsIgnoreCase(l) && f[2].equalsIgnoreCase(r)) {
                return STATES[Integer.parseInt(f[3], 16)];
            }
        }
        return null;
    }

    /** Sockets (any state but TIME_WAIT) whose remote end is on {@code host} and whose local port is {@code port}. */
    public static int countFrom(String host, int port) throws IOException {
        String ip = hex(new InetSocketAddress(host, 0)).split(":")[0];
        String localPort = String.format("%04X", port);
        int n = 0;
        List<String> lines = Files.readAllLines(Path.of("/proc/net/tcp"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f[1].endsWith(":" + localPort) && f[2].startsWith(ip + ":") && !f[3].equals("06") && !f[3].equals("0A")) {
                n++;
            }
        }
        return n;
    }

    private static String hex(InetSocketAddress a) {
        if (!(a.getAddress() instanceof Inet4Address v4)) {
            throw new IllegalArgumentException("IPv4 only: " + a);
        }
        byte[] b = v4.getAddress();
        return String.format("%02X%02X%02X%02X:%04X", b[3] & 0xff, b[2] & 0xff, b[1] & 0xff, b[0] & 0xff, a.getPort());
    }
}
