package dev.arena.server.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.CloseCodes;
import dev.arena.support.FakePeer;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private final FakePeer peer = new FakePeer();
    private final Outbox outbox = new Outbox(peer);

    @Test
    void sendsEverythingInOrderWhenThePeerKeepsUp() {
        outbox.control("a");
        outbox.snapshot("s1");
        outbox.control("b");
        outbox.snapshot("s2");
        assertThat(peer.texts()).containsExactly("a", "s1", "b", "s2");
    }

    @Test
    void slowPeerGetsOnlyTheNewestSnapshotAndNeverTwoSendsAtOnce() {
        peer.holdSends();
        assertThat(outbox.snapshot("s1")).isFalse();
        assertThat(outbox.snapshot("s2")).isFalse();
        assertThat(outbox.snapshot("s3")).isTrue(); // s2 was waiting: dropped
        assertThat(outbox.snapshot("s4")).isTrue();
        outbox.control("c1");
        assertThat(peer.texts()).containsExactly("s1");
        peer.completeSend();
        assertThat(peer.texts()).containsExactly("s1", "c1"); // control messages go first
        peer.completeSend();
        assertThat(peer.texts()).containsExactly("s1", "c1", "s4");
        peer.completeSend();
        assertThat(peer.texts()).containsExactly("s1", "c1", "s4");
        assertThat(peer.maxConcurrentSends()).isEqualTo(1);
    }

    @Test
    void peerThatLetsControlMessagesPileUpIsClosedAsSlowConsumer() {
        peer.holdSends();
        for (int i = 0; i <= Outbox.MAX_PENDING_CONTROL; i++) {
            outbox.control("m" + i);
        }
        assertThat(peer.closeCode()).isEqualTo(-1);
        outbox.control("one too many");
        assertThat(peer.closeCode()).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(outbox.isClosed()).isTrue();
    }

    @Test
    void failedSendStopsFurtherSends() {
        Outbox failing = new Outbox(new FakePeer() {
            @Override
            public synchronized void send(String text, java.util.function.Consumer<Throwable> done) {
                super.send(text, ignored -> { });
                done.accept(new java.io.IOException("broken pipe"));
            }
        });
        failing.control("a");
        failing.control("b");
        assertThat(failing.isClosed()).isTrue();
    }

    @Test
    void closeAfterPendingSendsTheQueuedErrorFirstAndIsDrainedThenFinishCloseClosesWithItsCode() {
        peer.holdSends();
        outbox.control("pong");
        outbox.control("error");
        outbox.snapshot("s1");
        outbox.closeAfterPending(CloseCodes.RATE_LIMITED, "too many messages");
        outbox.control("late"); // taken no more
        outbox.snapshot("s2");
        assertThat(outbox.drained()).isFalse();
        peer.completeSend();
        assertThat(outbox.drained()).isFalse();
        peer.completeSend();
        assertThat(peer.texts()).containsExactly("pong", "error");
        assertThat(outbox.drained()).isTrue();
        assertThat(peer.closeCode()).as("the caller decides when").isEqualTo(-1);
        outbox.finishClose();
        assertThat(peer.closeCode()).isEqualTo(CloseCodes.RATE_LIMITED);
    }

    @Test
    void anOutboxNotClosingIsNeverDrainedAndFinishCloseDoesNothing() {
        outbox.control("pong");
        assertThat(outbox.drained()).isFalse();
        outbox.finishClose();
        assertThat(peer.closeCode()).isEqualTo(-1);
    }
}
