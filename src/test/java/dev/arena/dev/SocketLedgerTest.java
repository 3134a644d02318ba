package dev.arena.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SocketLedgerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final SocketLedger<String> ledger = new SocketLedger<>(2, now::get);

    @Test
    void connectionsThatAreNotOpenWebSocketsCountPerAddressUpToTheLimit() {
        assertThat(ledger.accepted("a1", "A")).isTrue();
        assertThat(ledger.accepted("a2", "A")).isTrue();
        assertThat(ledger.accepted("a3", "A")).as("third under way from A").isFalse();
        assertThat(ledger.accepted("b1", "B")).as("another address").isTrue();
        ledger.upgraded("a1");
        assertThat(ledger.notOpen("A")).isEqualTo(1);
        assertThat(ledger.accepted("a3", "A")).as("an open WebSocket no longer counts here").isTrue();
        ledger.closed("a2");
        ledger.closed("a3");
        assertThat(ledger.notOpen("A")).isZero();
        assertThat(ledger.size()).isEqualTo(2);
    }

    @Test
    void aClosingConnectionCountsAgainUntilItIsGone() {
        ledger.accepted("a1", "A");
        ledger.accepted("a2", "A");
        ledger.upgraded("a1");
        ledger.upgraded("a2");
        ledger.closing("a1");
        ledger.closing("a1"); // twice: counted once
        ledger.closing("a2");
        assertThat(ledger.notOpen("A")).isEqualTo(2);
        assertThat(ledger.accepted("a3", "A")).isFalse();
        ledger.closed("a1");
        assertThat(ledger.notOpen("A")).isEqualTo(1);
        assertThat(ledger.accepted("a3", "A")).isTrue();
    }

    @Test
    void unfinishedRequestsExpireAfterTheHandshakeTimeAndClosesAfterTheCloseTime() {
        ledger.accepted("slow", "A");
        ledger.accepted("busy", "B");
        ledger.accepted("ws", "C");
        ledger.upgraded("ws");
        now.addAndGet(SocketLedger.HANDSHAKE_MILLIS - 1);
        ledger.active("busy"); // a complete request: its time starts again
        assertThat(ledger.expired()).isEmpty();
        now.addAndGet(1);
        assertThat(ledger.expired()).containsExactly("slow");
        ledger.closing("ws");
        now.addAndGet(SocketLedger.CLOSE_MILLIS - 1);
        assertThat(ledger.expired()).containsExactly("slow");
        now.addAndGet(1);
        assertThat(ledger.expired()).containsExactlyInAnyOrder("slow", "ws");
        now.addAndGet(SocketLedger.HANDSHAKE_MILLIS);
        assertThat(ledger.expired()).containsExactlyInAnyOrder("slow", "busy", "ws");
        assertThat(ledger.state("ws")).isEqualTo(SocketLedger.State.CLOSING);
    }

    @Test
    void noLimitWhenTheLimitIsZero() {
        SocketLedger<Integer> unlimited = new SocketLedger<>(0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.accepted(i, "A")).isTrue();
        }
        assertThat(unlimited.notOpen("A")).isEqualTo(1000);
    }
}
