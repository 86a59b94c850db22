package dev.musket.engine.runtime;

import java.util.Set;

/**
 * The nd4j-native builds the engine ships, best first. Each is a JavaCPP "platform extension" of
 * {@code linux-x86_64}: JavaCPP never picks one by itself, so {@link NativeRuntime} chooses the
 * best one this CPU can run (see docs/decisions/0002-native-build-selection.md).
 */
public enum NativeBuild {
  /** oneDNN + AVX-512 kernels: the fast path on AVX-512 Xeons. */
  ONEDNN_AVX512("-onednn-avx512", "avx512f"),
  /** oneDNN + AVX2 kernels: the fast path on desktop CPUs without AVX-512. */
  ONEDNN_AVX2("-onednn-avx2", "avx2"),
  /** The "Generic x86" build: no AVX, no oneDNN; only for CPUs older than Haswell. */
  GENERIC("", "");

  private final String extension;
  private final String requiredFlag;

  NativeBuild(String extension, String requiredFlag) {
    this.extension = extension;
    this.requiredFlag = requiredFlag;
  }

  /** The value for the JavaCPP property {@code org.bytedeco.javacpp.platform.extension}. */
  public String extension() {
    return extension;
  }

  /** The Maven classifier of the nd4j-native jar that holds this build. */
  public String classifier() {
    return "linux-x86_64" + extension;
  }

  /** Whether this build ships oneDNN (and so the layer helpers can work). */
  public boolean hasOneDnn() {
    return extension.contains("onednn");
  }

  /** The best build for a CPU with these {@code /proc/cpuinfo} flags. */
  public static NativeBuild bestFor(Set<String> cpuFlags) {
    for (NativeBuild build : values()) {
      if (build.requiredFlag.isEmpty() || cpuFlags.contains(build.requiredFlag)) {
        return build;
      }
    }
    return GENERIC;
  }

  /** The build whose extension is {@code extension}, or {@code null} for an unknown one. */
  public static NativeBuild forExtension(String extension) {
    for (NativeBuild build : values()) {
      if (build.extension.equals(extension)) {
        return build;
      }
    }
    return null;
  }
}
