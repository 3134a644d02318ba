package dev.arena.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpTableTest {
    @Test
    void seesBothEndsOfALoopbackConnectionAndItsEnd() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 5, loopback)) {
            Socket client = new Socket();
            client.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0));
            client.connect(server.getLocalSocketAddress());
            try (Socket accepted = server.accept()) {
                InetSocketAddress c = (InetSocketAddress) client.getLocalSocketAddress();
                InetSocketAddress s = (InetSocketAddress) client.getRemoteSocketAddress();
                assertThat(TcpTable.state(c, s)).isEqualTo("ESTABLISHED");
                assertThat(TcpTable.state(s, c)).isEqualTo("ESTABLISHED");
                assertThat(TcpTable.countFrom("127.0.0.3", server.getLocalPort())).isEqualTo(1);
                accepted.close(); // the server's end goes first
                long deadline = System.nanoTime() + 2_000_000_000L;
                while ("ESTABLISHED".equals(TcpTable.state(c, s)) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(TcpTable.state(c, s)).isEqualTo("CLOSE_WAIT");
                assertThat(TcpTable.state(s, c)).isEqualTo("FIN_WAIT2");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void seesWhatAReaderThatStalledLeftQueuedOnBothEnds() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 5, loopback); Socket client = new Socket(loopback,
                server.getLocalPort()); Socket accepted = server.accept()) {
            InetSocketAddress c = (InetSocketAddress) client.getLocalSocketAddress();
            InetSocketAddress s = (InetSocketAddress) client.getRemoteSocketAddress();
            assertThat(TcpTable.queued(c, s)).containsExactly(0, 0);
            accepted.getOutputStream().write(new byte[1000]);
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (TcpTable.queued(c, s)[1] < 1000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(TcpTable.queued(c, s)).as("the client's end: 1000 bytes received, unread").containsExactly(0,
                    1000);
            // the client never reads: what its receive buffer cannot take stays queued on the server's end
            Thread writer = new Thread(() -> {
                try {
                    accepted.getOutputStream().write(new byte[16 << 20]);
                } catch (java.io.IOException e) {
                    // closed at the end of the test
                }
            });
            writer.setDaemon(true);
            writer.start();
            deadline = System.nanoTime() + 5_000_000_000L;
            while (TcpTable.queued(s, c)[0] == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(TcpTable.queued(s, c)[0]).as("the server's end: sent, not acknowledged").isPositive();
            assertThat(TcpTable.queued(c, s)[1]).as("the client's end").isGreaterThan(1000);
        }
        assertThat(TcpTable.queued(new InetSocketAddress(loopback, 1), new InetSocketAddress(loopback, 2))).isNull();
    }
}
