/**
 * The experiment folder as Musket laid it out, so existing Musket projects and their finished
 * experiments open as they are: metrics CSVs, best weights, {@code summary.yaml}, {@code
 * inProgress.yaml}, {@code error.yaml}, split sidecars; plus this engine's resume states.
 *
 * <p>Every file is written atomically through {@link dev.musket.engine.util.AtomicFiles}, so a kill
 * at any moment leaves the old or the new file, never half of one.
 */
package dev.musket.engine.experiment;
