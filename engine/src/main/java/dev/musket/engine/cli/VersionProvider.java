package dev.musket.engine.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when running from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = MusketCli.class.getPackage().getImplementationVersion();
    return new String[] {"musket " + (version == null ? "development build" : version)};
  }
}
