/**
 * Headless report charts: PNG line charts drawn with JFreeChart on Java2D (never JavaFX, so they
 * render on a server without a display), written atomically.
 */
package dev.musket.engine.report;
