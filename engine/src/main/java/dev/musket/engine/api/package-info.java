/**
 * The engine API that project code in {@code <project>/modules/*.java} compiles against:
 * annotations that make a public static method a dataset factory, metric, loss, architecture,
 * callback or task. Keep this package small and stable: users' projects depend on it.
 */
package dev.musket.engine.api;
