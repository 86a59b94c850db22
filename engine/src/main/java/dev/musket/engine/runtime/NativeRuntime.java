package dev.musket.engine.runtime;

import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts DL4J on its fast CPU path before any ND4J class loads, so that every entry point (the {@code
 * musket} command line, the workbench, the tests, the benchmark) trains at the same speed without
 * flags a user must remember.
 *
 * <p>DL4J 1.0.0-M2.1 as shipped keeps oneDNN out of every layer (see
 * shared/reference/dl4j-cpu-performance.md and docs/decisions/0002-native-build-selection.md):
 * JavaCPP loads the "Generic x86" native build unless told otherwise, and layer helpers are
 * disabled by a system property whose default is {@code true}. {@link #initialize()} chooses the
 * oneDNN build this CPU can run and enables the helpers; {@link org.nd4j.nativeblas.Nd4jCpu}
 * repairs the helpers' own support check. A property the user has already set is respected.
 *
 * <p>In a {@code -Pcuda} build (nd4j-cuda instead of nd4j-native) none of this applies: it selects
 * the cuDNN build of libnd4jcuda, checks no oneDNN helper and says in its report line that the
 * oneDNN CPU path is not used (docs/decisions/0012).
 *
 * <p>Call {@link #initialize()} first thing in every {@code main}; it is idempotent and cheap after
 * the first call.
 */
public final class NativeRuntime {

  /** JavaCPP: which variant of the {@code linux-x86_64} natives to load. */
  public static final String PLATFORM_EXTENSION_PROPERTY =
      "org.bytedeco.javacpp.platform.extension";

  /** DL4J: when {@code true} (DL4J's default) no layer gets a cuDNN/oneDNN helper. */
  public static final String HELPERS_DISABLE_PROPERTY =
      "org.eclipse.deeplearning4j.helpers.disable";

  private static final Logger log = LoggerFactory.getLogger(NativeRuntime.class);
  private static final String NATIVE_DIR = "org/nd4j/linalg/cpu/nativecpu/bindings/";
  private static final String CUDA_NATIVE_DIR = "org/nd4j/linalg/jcublas/bindings/";
  private static final String CUDA_CUDNN_BUILD = "linux-x86_64-cudnn";
  private static final String CPU_ENVIRONMENT =
      "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

  private static volatile RuntimeReport report;

  private NativeRuntime() {}

  /**
   * Selects the native build and enables the layer helpers (unless the user set either property),
   * loads ND4J, and logs one line saying what is running. Later calls return the first report.
   */
  public static RuntimeReport initialize() {
    RuntimeReport current = report;
    if (current != null) {
      return current;
    }
    synchronized (NativeRuntime.class) {
      if (report == null) {
        if (ComputeBackend.cudaOnClasspath()) {
          // a -Pcuda build: libnd4jcuda with cuDNN helpers; no oneDNN build, no helper flags
          if (isOnClasspath(CUDA_NATIVE_DIR, CUDA_CUDNN_BUILD, "libnd4jcuda.so")) {
            setIfAbsent(PLATFORM_EXTENSION_PROPERTY, "-cudnn");
          }
          report = describeCudaRuntime();
        } else {
          setIfAbsent(
              PLATFORM_EXTENSION_PROPERTY, chooseBuild(CpuFlags.ofThisMachine()).extension());
          setIfAbsent(HELPERS_DISABLE_PROPERTY, "false");
          report = describeLoadedRuntime();
        }
        if (report.fastPath()) {
          log.info("Engine runtime: {}", report.summary());
        } else {
          log.warn("Engine runtime: {}", report.summary());
        }
      }
      return report;
    }
  }

  /** The best build for these CPU flags whose jar is on the classpath. */
  static NativeBuild chooseBuild(Set<String> cpuFlags) {
    NativeBuild best = NativeBuild.bestFor(cpuFlags);
    for (NativeBuild build : NativeBuild.values()) {
      if (build.ordinal() >= best.ordinal() && isOnClasspath(build)) {
        return build;
      }
    }
    return NativeBuild.GENERIC;
  }

  private static boolean isOnClasspath(NativeBuild build) {
    return isOnClasspath(NATIVE_DIR, build.classifier(), "libnd4jcpu.so");
  }

  private static boolean isOnClasspath(String dir, String classifier, String library) {
    return NativeRuntime.class.getClassLoader().getResource(dir + classifier + "/" + library)
        != null;
  }

  private static void setIfAbsent(String property, String value) {
    String userValue = System.getProperty(property);
    if (userValue == null) {
      System.setProperty(property, value);
    } else if (!userValue.equals(value)) {
      log.info(
          "Keeping -D{}={} set by the user (the engine would use '{}')",
          property,
          userValue,
          value);
    }
  }

  private static RuntimeReport describeLoadedRuntime() {
    var environment = Nd4j.getExecutioner().getEnvironmentInformation();
    boolean helpersEnabled = !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY));
    boolean oneDnn = libnd4jUsesOneDnn();
    return new RuntimeReport(
        RuntimeReport.CPU,
        loadedNativeBuild(NATIVE_DIR, "libnd4jcpu.so"),
        String.valueOf(environment.getProperty(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown")),
        Nd4j.getEnvironment().maxThreads(),
        oneDnn,
        helpersEnabled && BaseMKLDNNHelper.mklDnnEnabled());
  }

  private static RuntimeReport describeCudaRuntime() {
    var environment = Nd4j.getExecutioner().getEnvironmentInformation();
    if (!ComputeBackend.isCuda()) {
      throw new IllegalStateException(
          "this build carries ND4J's CUDA backend, but ND4J loaded "
              + Nd4j.getBackend().getClass().getName());
    }
    return new RuntimeReport(
        RuntimeReport.CUDA,
        loadedNativeBuild(CUDA_NATIVE_DIR, "libnd4jcuda.so"),
        String.valueOf(environment.getProperty(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown")),
        Nd4j.getEnvironment().maxThreads(),
        false,
        false);
  }

  /**
   * libnd4j's own {@code Environment.isUseONEDNN()} on nd4j-native, by reflection: the class is
   * missing from a {@code -Pcuda} build, which must still compile. False when it is missing.
   */
  public static boolean libnd4jUsesOneDnn() {
    try {
      Class<?> environment = Class.forName(CPU_ENVIRONMENT);
      Object instance = environment.getMethod("getInstance").invoke(null);
      return (Boolean) environment.getMethod("isUseONEDNN").invoke(instance);
    } catch (ClassNotFoundException notCpu) {
      return false;
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot ask libnd4j whether it uses oneDNN: " + e, e);
    }
  }

  /** The classifier of the native library JavaCPP actually loaded (the folder it came from). */
  private static String loadedNativeBuild(String dir, String libraryName) {
    for (Map.Entry<String, String> library : Loader.getLoadedLibraries().entrySet()) {
      String path = library.getValue();
      int at = path == null ? -1 : path.indexOf(dir);
      if (at >= 0 && path.endsWith("/" + libraryName)) {
        String rest = path.substring(at + dir.length());
        return rest.substring(0, rest.indexOf('/'));
      }
    }
    return "linux-x86_64" + System.getProperty(PLATFORM_EXTENSION_PROPERTY, "") + " (requested)";
  }
}
