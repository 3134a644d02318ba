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
}
