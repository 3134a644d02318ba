package dev.arena.transport;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works around a cost of Payara's Tyrus (2.1.5.payara-p2, Payara 6): for every frame in and out, a session restarts
 * its idle timer, scheduling a task on the container's {@code ManagedScheduledExecutorService}, even when the idle
 * timeout is off ({@code setMaxIdleTimeout(-1)}, as {@link GameEndpoint} sets: that version then schedules the
 * timer with a negative delay, which runs at once and does nothing). On Payara every managed task captures the
 * application's context, and that capture searches the class path for {@code ThreadContextProvider} services each
 * time: two thirds of the server's CPU under load (docs/benchmarks.md, "Payara"). Nothing in Tyrus's configuration
 * or the session's turns it off.
 *
 * <p>So, where the {@code ServerContainer} is a Tyrus container holding a managed scheduled executor, that executor is
 * wrapped, once, at startup: a session's idle-timeout command due now or earlier (the timeout is off, the command
 * would find that and return) is answered with a future that is already done; everything else goes to the
 * container's executor unchanged. Elsewhere (Tomcat, WildFly, the standalone Tyrus of the dev server, which skips
 * the timer itself) this does nothing. If the container's classes are not what it expects, it logs and does nothing.
 */
@WebListener
public class TyrusIdleTimers implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(TyrusIdleTimers.class.getName());
    static final String CONTAINER_CLASS = "org.glassfish.tyrus.core.BaseContainer";
    static final String FIELD = "managedScheduledExecutorService";
    static final String IDLE_COMMAND = "TyrusSession$IdleTimeoutCommand";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute("jakarta.websocket.server.ServerContainer");
        if (container != null && install(container)) {
            LOG.info("Arena: Tyrus idle timers with the timeout off no longer go through the managed executor");
        }
    }

    /** Wraps the container's managed scheduled executor; true if it did. */
    static boolean install(Object container) {
        for (Class<?> c = container.getClass(); c != null; c = c.getSuperclass()) {
            if (!c.getName().equals(CONTAINER_CLASS)) {
                continue;
            }
            try {
                Field f = c.getDeclaredField(FIELD);
                f.setAccessible(true);
                Object executor = f.get(container);
                if (executor instanceof ScheduledExecutorService s && !(executor instanceof SkipIdleTimers)) {
                    f.set(container, new SkipIdleTimers(s));
                    return true;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "Arena: cannot wrap Tyrus's scheduled executor; idle timers stay as they are", e);
            }
            return false;
        }
        return false;
    }

    /** The container's executor, except for idle-timeout commands that are due already (the timeout is off). */
    static final class SkipIdleTimers implements ScheduledExecutorService {
        private final ScheduledExecutorService delegate;

        SkipIdleTimers(ScheduledExecutorService delegate) {
            this.delegate = delegate;
        }

        static boolean isIdleTimerOff(Runnable command, long delay) {
            return delay <= 0 && command.getClass().getName().endsWith(IDLE_COMMAND);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return isIdleTimerOff(command, delay) ? Done.INSTANCE : delegate.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return delegate.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
                TimeUnit unit) {
            return delegate.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                TimeUnit unit) {
            return delegate.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return delegate.submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return delegate.submit(task, result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return delegate.submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return delegate.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return delegate.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return delegate.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return delegate.invokeAny(tasks, timeout, unit);
        }

        @Override
        public void execute(Runnable command) {
            delegate.execute(command);
        }
    }

    /** A timer that already ran (and did nothing). */
    private static final class Done implements ScheduledFuture<Object> {
        static final Done INSTANCE = new Done();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
