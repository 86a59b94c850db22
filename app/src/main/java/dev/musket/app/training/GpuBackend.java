package dev.musket.app.training;

/**
 * Whether this build can train on a GPU: the CUDA backend ({@code nd4j-cuda-11.6}, a Maven profile)
 * is on the class path. Checked by name, without loading the class, so no native library starts
 * just to grey out two fields of a dialog.
 */
final class GpuBackend {

  private static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

  private GpuBackend() {}

  static boolean available() {
    return GpuBackend.class.getClassLoader().getResource(CUDA_BACKEND.replace('.', '/') + ".class")
        != null;
  }
}
