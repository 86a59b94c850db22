/**
 * The engine's event stream: immutable {@link dev.musket.engine.events.TrainingEvent} records of
 * plain scalars for the CLI's progress bar and the workbench's charts, the {@link
 * dev.musket.engine.events.MetricsBuffer} that hands them to a UI thread in batches, and the {@link
 * dev.musket.engine.events.CancellationToken} a caller trips to stop a run within a batch.
 *
 * <p>Why a package of its own: the app depends on these types only, never on the trainer or DL4J.
 */
package dev.musket.engine.events;
