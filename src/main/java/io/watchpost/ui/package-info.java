/**
 * Watchpost's JavaFX window.
 *
 * <h2>Seam for the wiring code</h2>
 * <pre>{@code
 * WatchpostApplication.setServicesFactory(() -> new UiServices(cache.events(), metrics, "Demo: …", closeable));
 * Application.launch(WatchpostApplication.class, args);   // or WatchpostApplication.launchWith(factory, args)
 * }</pre>
 * The factory runs once on a background thread while the stage shows "Starting…". Embedding the window
 * elsewhere: {@code new MainWindow(store, metrics, sourceDescription)} on the FX thread, {@code shutdown()} when done.
 *
 * <h2>Threading</h2>
 * Views (in {@code events}, {@code throughput}, {@code status}) only bind to their view models. Each view model
 * polls the store or the metrics on its own daemon thread and hands results to the FX thread through
 * {@link io.watchpost.ui.common.FxBatcher} or {@link io.watchpost.ui.common.FxLatest}, which keep at most one
 * {@code Platform.runLater} pending however fast data arrives. Chart data goes straight into ChartFX data sets
 * under their write lock; ChartFX redraws on its own pulse.
 */
package io.watchpost.ui;
