package io.watchpost.ui;

import io.watchpost.testing.FxThread;

/** This package's short names for {@link FxThread}. */
final class Fx {

    private Fx() {
    }

    static <T> T call(java.util.concurrent.Callable<T> onFxThread) {
        return FxThread.call(onFxThread);
    }

    static void run(Runnable onFxThread) {
        FxThread.run(onFxThread);
    }

    static void waitUntil(String what, int seconds, java.util.function.BooleanSupplier onFxThread) {
        FxThread.waitUntil(what, seconds, onFxThread);
    }
}
