package io.watchpost.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A view model's "read it all again" for sources that announce changes one object at a time (another workstation's
 * triage, rules, saved searches arriving through the team sync; alerts saved by detection). A burst of a thousand
 * announcements must not become a thousand reloads and a thousand {@code Platform.runLater}s: while a reload is
 * queued or running, further requests fold into a single reload after it. The last request is always followed by a
 * whole reload, so nothing announced is missed.
 */
public final class CoalescedReload {

    private static final Logger LOG = LoggerFactory.getLogger(CoalescedReload.class);

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int RUNNING_AND_ASKED_AGAIN = 2;

    private final ExecutorService executor;
    private final Runnable reload;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    /** {@code reload} runs on {@code executor}, never twice at once. */
    public CoalescedReload(ExecutorService executor, Runnable reload) {
        this.executor = executor;
        this.reload = reload;
    }

    /** Asks for a reload; safe from any thread. After the executor is shut down it does nothing. */
    public void request() {
        if (state.getAndUpdate(s -> s == IDLE ? RUNNING : RUNNING_AND_ASKED_AGAIN) != IDLE) {
            return; // the queued or running reload will run once more, or already reads what this announces
        }
        if (executor.isShutdown()) {
            state.set(IDLE);
            return;
        }
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException closing) {
            state.set(IDLE); // shut down between the check and the call: the view is gone
        }
    }

    private void run() {
        do {
            state.set(RUNNING); // requests from here on ask for one more round
            try {
                reload.run();
            } catch (RuntimeException e) {
                // a failed round still ends like any other: a request that came during it gets its round
                LOG.warn("reload failed: {}", e.toString());
            } catch (Error e) {
                state.set(IDLE); // a failed reload must not leave every later request ignored
                throw e;
            }
        } while (!state.compareAndSet(RUNNING, IDLE));
    }
}
