package dev.arena.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.core.BaseContainer;
import org.junit.jupiter.api.Test;

/** Against Tyrus's own classes (the dev server's Tyrus; Payara's has the same container field and command). */
class TyrusIdleTimersTest {
    @Test
    void aTyrusContainersManagedScheduledExecutorIsWrappedOnce() throws Exception {
        ClientManager container = ClientManager.createClient(); // a Tyrus BaseContainer
        ScheduledExecutorService managed = Executors.newSingleThreadScheduledExecutor();
        try {
            Field f = BaseContainer.class.getDeclaredField(TyrusIdleTimers.FIELD);
            f.setAccessible(true);
            f.set(container, managed); // as the container's constructor does where JNDI has one
            assertThat(TyrusIdleTimers.install(container)).isTrue();
            assertThat(container.getScheduledExecutorService()).isInstanceOf(TyrusIdleTimers.SkipIdleTimers.class);
            assertThat(TyrusIdleTimers.install(container)).as("already wrapped").isFalse();
        } finally {
            managed.shutdownNow();
        }
    }

    @Test
    void nothingToDoWithoutAManagedExecutorOrOutsideTyrus() {
        assertThat(TyrusIdleTimers.install(ClientManager.createClient())).isFalse(); // no JNDI here: none
        assertThat(TyrusIdleTimers.install(new Object())).isFalse();
    }

    @Test
    void onlyAnIdleTimerThatIsOffIsSkipped() throws Exception {
        Class<?> command = Class.forName("org.glassfish.tyrus.core.TyrusSession$IdleTimeoutCommand");
        Constructor<?> make = command.getDeclaredConstructors()[0];
        make.setAccessible(true);
        Runnable idle = (Runnable) make.newInstance(new Object[] {null});
        ScheduledExecutorService managed = Executors.newSingleThreadScheduledExecutor();
        try {
            TyrusIdleTimers.SkipIdleTimers wrapped = new TyrusIdleTimers.SkipIdleTimers(managed);
            ScheduledFuture<?> off = wrapped.schedule(idle, -1, TimeUnit.MILLISECONDS);
            assertThat(off.isDone()).isTrue();
            assertThat(off.cancel(true)).isFalse();
            ScheduledFuture<?> on = wrapped.schedule(idle, 60_000, TimeUnit.MILLISECONDS); // a real timeout: kept
            assertThat(on.isDone()).isFalse();
            assertThat(on.cancel(false)).isTrue();
            boolean[] ran = {false};
            wrapped.schedule(() -> ran[0] = true, -1, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertThat(ran[0]).as("any other task runs").isTrue();
        } finally {
            managed.shutdownNow();
        }
    }
}
