/**
 * The training loop's callbacks, with the semantics of Keras 2.2.4 and Musket ({@code
 * EarlyStopping}, {@code ReduceLROnPlateau}, {@code CyclicLR}, {@code LRVariator}, {@code
 * TerminateOnNaN}), built from a config's {@code {Name: args}} entries by {@link
 * dev.musket.engine.train.callbacks.CallbackFactory}.
 *
 * <p>Why plain Java: the rules that decide when a learning rate changes, a stage stops or a
 * checkpoint is written are what a user configures and compares against their Musket runs, so they
 * are unit-tested against hand-computed sequences without DL4J. The trainer talks to them through
 * {@link dev.musket.engine.train.callbacks.LearningRateControl} and {@link
 * dev.musket.engine.train.callbacks.ModelWeights}, and keeps their state ({@link
 * dev.musket.engine.train.callbacks.TrainingCallback#state()}) in the resume file.
 */
package dev.musket.engine.train.callbacks;
