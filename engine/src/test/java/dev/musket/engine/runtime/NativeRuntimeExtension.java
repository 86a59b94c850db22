package dev.musket.engine.runtime;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link NativeRuntime#initialize()} before every test class, so tests train on the same
 * native path as the application. Registered for every test through JUnit's extension
 * auto-detection (META-INF/services + junit-platform.properties), so no test can forget it.
 */
public final class NativeRuntimeExtension implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    NativeRuntime.initialize();
  }
}
