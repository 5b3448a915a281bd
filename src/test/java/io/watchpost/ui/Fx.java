package io.watchpost.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers: read FX state on the FX thread, and wait for a condition that is checked there. */
final class Fx {

    private Fx() {
    }

    static <T> T call(Callable<T> onFxThread) {
        try {
            return WaitForAsyncUtils.asyncFx(onFxThread).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    static void run(Runnable onFxThread) {
        call(() -> {
            onFxThread.run();
            return null;
        });
    }

    static void waitUntil(String what, int seconds, BooleanSupplier onFxThread) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(onFxThread::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what, e);
        }
    }
}
