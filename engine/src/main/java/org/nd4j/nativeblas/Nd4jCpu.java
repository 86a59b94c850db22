package org.nd4j.nativeblas;

/**
 * Compatibility shim for a broken reflective lookup in DL4J 1.0.0-M2.1. Remove it when DL4J is
 * upgraded to a version whose {@code BaseMKLDNNHelper} looks up the right class.
 *
 * <p>Why it exists: every oneDNN layer helper of DL4J ({@code MKLDNNConvHelper}, {@code
 * MKLDNNBatchNormHelper}, {@code MKLDNNSubsamplingHelper}, ...) decides whether it may run by
 * calling {@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()}, which loads
 * by name the class {@code org.nd4j.nativeblas.Nd4jCpu$Environment} and calls its {@code
 * getInstance().isUseMKLDNN()}. In M2.1 that class moved to {@code
 * org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method was renamed {@code
 * isUseONEDNN()}. The lookup fails, DL4J logs {@code Cannot find class
 * [org.nd4j.nativeblas.Nd4jCpu$Environment]} and silently drops every helper: convolutions then go
 * through im2col + gemm and training is 7x to 50x slower. This class puts the old name back and
 * delegates to the real environment. {@code OneDnnHelpersInUseTest} fails if it stops working.
 */
public final class Nd4jCpu {

  private Nd4jCpu() {}

  /** The old name of libnd4j's environment singleton, as DL4J's helpers look it up. */
  public static final class Environment {

    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    /** The singleton, as the reflective lookup expects. */
    public static Environment getInstance() {
      return INSTANCE;
    }

    /**
     * Whether libnd4j runs oneDNN: the real environment's {@code isUseONEDNN()}, looked up by name
     * so that a {@code -Pcuda} build (no nd4j-native) still compiles; there it is false.
     */
    public boolean isUseMKLDNN() {
      return dev.musket.engine.runtime.NativeRuntime.libnd4jUsesOneDnn();
    }
  }
}
