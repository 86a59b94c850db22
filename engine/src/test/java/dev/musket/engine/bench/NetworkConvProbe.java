package dev.musket.engine.bench;

import dev.musket.engine.onednn.ConvGeometry;
import dev.musket.engine.onednn.ConvLayouts;
import dev.musket.engine.onednn.DepthwiseGeometry;
import dev.musket.engine.onednn.OneDnnConvolution;
import dev.musket.engine.runtime.NativeRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.dnnl.global.dnnl;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine's side of {@code bench/conv_shapes.py}: every distinct convolution geometry of the
 * bench networks (read from the built graph configurations), timed through {@link
 * OneDnnConvolution} as the layers call it, on the layout the layer chooses and on the other one.
 * The python script times PyTorch's conv2d on the same shapes, alternating with this process shape
 * by shape so both sides see the same load.
 *
 * <p>Protocol (stdout, one JSON object a line, prefixed): at start {@code SHAPE {...}} for every
 * shape, then {@code READY}; each stdin line {@code time <id> <reps>} answers {@code TIME {...}}
 * with the best seconds of forward, backward-data, backward-weights and the layer's combined
 * backward, for the layer's layout ({@code layer}) and the other ({@code other}); {@code verbose
 * <id> <runs>} runs the layer's forward and backward {@code runs} times with oneDNN's verbose
 * output on (one {@code dnnl_verbose,exec,...} line per primitive, with its implementation and
 * milliseconds) and answers {@code VERBOSE-END}.
 *
 * <p>Usage: {@code NetworkConvProbe [--cases a,b]} (default: every bench case).
 */
public final class NetworkConvProbe {

  private NetworkConvProbe() {}

  /**
   * One distinct convolution of a case: plain ({@code groups == 1}) or depthwise ({@code groups ==
   * in == out}), how often it occurs, and whether its input is the network's input (PyTorch
   * computes no input gradient there; DL4J does).
   */
  record Shape(
      String network,
      int batch,
      int in,
      int out,
      int kernel,
      int stride,
      int pad,
      int size,
      int groups,
      boolean bias,
      boolean first,
      int count) {

    int outSize() {
      return (size + 2 * pad - kernel) / stride + 1;
    }

    boolean depthwise() {
      return groups > 1;
    }

    ConvGeometry plain() {
      return new ConvGeometry(batch, in, out, kernel, stride, pad, size, size);
    }

    DepthwiseGeometry dw() {
      return new DepthwiseGeometry(
          batch,
          in,
          out / in,
          kernel,
          kernel,
          stride,
          stride,
          pad,
          pad,
          outSize(),
          outSize(),
          size,
          size,
          DepthwiseGeometry.WeightLayout.KH_KW_C_M);
    }

    /** The layouts the engine's layer runs this shape on. */
    ConvLayouts layerLayouts() {
      return depthwise() ? ConvLayouts.BLOCKED : ConvLayouts.chosenFor(plain());
    }

    /**
     * What the layer's layouts are compared with: all blocked, or all plain if that is the layer's.
     */
    ConvLayouts otherLayouts() {
      return layerLayouts().equals(ConvLayouts.BLOCKED) ? ConvLayouts.PLAIN : ConvLayouts.BLOCKED;
    }

    OneDnnConvolution convolution(ConvLayouts layouts) {
      return depthwise()
          ? new OneDnnConvolution(dw(), bias, layouts.equals(ConvLayouts.BLOCKED))
          : new OneDnnConvolution(plain(), bias, layouts);
    }

    long weightElements() {
      return (long) out * (in / groups) * kernel * kernel;
    }

    String json(int id) {
      return String.format(
          Locale.ROOT,
          "{\"id\": %d, \"network\": \"%s\", \"batch\": %d, \"in\": %d, \"out\": %d, \"kernel\": %d,"
              + " \"stride\": %d, \"pad\": %d, \"size\": %d, \"out_size\": %d, \"groups\": %d,"
              + " \"bias\": %b, \"first\": %b, \"count\": %d, \"layer_layouts\": \"%s\","
              + " \"other_layouts\": \"%s\"}",
          id,
          network,
          batch,
          in,
          out,
          kernel,
          stride,
          pad,
          size,
          outSize(),
          groups,
          bias,
          first,
          count,
          code(layerLayouts()),
          code(otherLayouts()));
    }

    /** B or P for forward, backward-data and backward-weights. */
    private static String code(ConvLayouts l) {
      return (l.forward() ? "B" : "P")
          + (l.backwardData() ? "B" : "P")
          + (l.backwardWeights() ? "B" : "P");
    }
  }

  public static void main(String[] args) throws IOException {
    NativeRuntime.initialize();
    List<String> cases = new ArrayList<>(BenchCase.all().keySet());
    if (args.length > 1 && args[0].equals("--cases")) {
      cases = List.of(args[1].split(","));
    }
    List<Shape> shapes = new ArrayList<>();
    for (String name : cases) {
      BenchCase c = BenchCase.all().get(name);
      if (c == null) {
        throw new IllegalArgumentException(
            "unknown case " + name + "; known: " + BenchCase.all().keySet());
      }
      shapes.addAll(shapes(c));
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (int i = 0; i < shapes.size(); i++) {
      out.println("SHAPE " + shapes.get(i).json(i));
    }
    out.println("READY");
    Timer timer = null;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.trim().split("\\s+");
      if (words.length != 3 || !(words[0].equals("time") || words[0].equals("verbose"))) {
        throw new IllegalArgumentException("expected 'time|verbose <id> <reps>', got: " + line);
      }
      int id = Integer.parseInt(words[1]);
      int reps = Integer.parseInt(words[2]);
      if (timer == null || timer.id != id) {
        // one shape at a time: its blocked buffers (25 MB a tensor at 224x224) go with it
        timer = new Timer(id, shapes.get(id));
      }
      if (words[0].equals("verbose")) {
        timer.verbose(reps);
        out.println("VERBOSE-END");
        continue;
      }
      double[] layer = timer.time(timer.layerConv, reps, true);
      double[] other = timer.time(timer.otherConv, reps, false);
      out.println(
          String.format(
              Locale.ROOT,
              "TIME {\"id\": %d, \"layer\": %s, \"other\": %s}",
              id,
              Arrays.toString(layer),
              Arrays.toString(other).replace("NaN", "null")));
    }
  }

  /** The distinct convolutions of one case, in the order they first occur in the graph. */
  static List<Shape> shapes(BenchCase c) {
    ComputationGraphConfiguration conf = c.network().configuration(c.size(), BenchCase.CLASSES);
    InputType input = InputType.convolutional(c.size(), c.size(), 3);
    Map<String, InputType> outputs = conf.getLayerActivationTypes(input);
    Map<Shape, Integer> counts = new LinkedHashMap<>();
    for (String vertex : outputs.keySet()) { // in topological order
      if (!(conf.getVertices().get(vertex) instanceof LayerVertex lv)
          || !(lv.getLayerConf().getLayer() instanceof ConvolutionLayer conv)) {
        continue;
      }
      String from = conf.getVertexInputs().get(vertex).get(0);
      var type = (InputType.InputTypeConvolutional) outputs.get(from);
      if (conv.getConvolutionMode() != ConvolutionMode.Truncate
          || type.getHeight() != type.getWidth()
          || conv.getKernelSize()[0] != conv.getKernelSize()[1]) {
        throw new IllegalStateException("the probe covers square Truncate convolutions: " + vertex);
      }
      boolean depthwise = conv instanceof DepthwiseConvolution2D;
      int in = (int) type.getChannels();
      int out =
          depthwise
              ? in * (int) ((DepthwiseConvolution2D) conv).getDepthMultiplier()
              : (int) conv.getNOut();
      Shape shape =
          new Shape(
              c.name(),
              c.batch(),
              in,
              out,
              conv.getKernelSize()[0],
              conv.getStride()[0],
              conv.getPadding()[0],
              (int) type.getHeight(),
              depthwise ? in : 1,
              conv.hasBias(),
              from.equals("input"),
              0);
      counts.merge(shape, 1, Integer::sum);
    }
    List<Shape> shapes = new ArrayList<>();
    counts.forEach(
        (s, n) ->
            shapes.add(
                new Shape(
                    s.network(),
                    s.batch(),
                    s.in(),
                    s.out(),
                    s.kernel(),
                    s.stride(),
                    s.pad(),
                    s.size(),
                    s.groups(),
                    s.bias(),
                    s.first(),
                    n)));
    return shapes;
  }

  /** The arrays and both layouts' convolutions of one shape, kept while the shape is timed. */
  static final class Timer {
    final int id;
    final OneDnnConvolution layerConv;
    final OneDnnConvolution otherConv;
    private INDArray x;
    private INDArray w;
    private INDArray b;
    private INDArray y;
    private INDArray dy;
    private INDArray dx;
    private INDArray dw;
    private INDArray db;
    private final Shape shape;

    Timer(int id, Shape shape) {
      this.id = id;
      this.shape = shape;
      layerConv = shape.convolution(shape.layerLayouts());
      otherConv = shape.convolution(shape.otherLayouts());
    }

    private void allocate() {
      Shape s = shape;
      x = Nd4j.randn(DataType.FLOAT, s.batch(), s.in(), s.size(), s.size());
      w = Nd4j.randn(DataType.FLOAT, 1, s.weightElements()).muli(0.05);
      b = Nd4j.randn(DataType.FLOAT, 1, s.out());
      y = Nd4j.create(DataType.FLOAT, s.batch(), s.out(), s.outSize(), s.outSize());
      dy = Nd4j.randn(DataType.FLOAT, y.shape());
      dx = Nd4j.create(DataType.FLOAT, x.shape());
      dw = Nd4j.create(DataType.FLOAT, w.shape());
      db = Nd4j.create(DataType.FLOAT, b.shape());
    }

    /** The layer's forward and backward, {@code runs} times with oneDNN's verbose output on. */
    void verbose(int runs) {
      time(layerConv, 1, false);
      dnnl.dnnl_set_verbose(1);
      for (int i = 0; i < runs; i++) {
        layerConv.forward(x, w, b, y);
        layerConv.backward(x, w, dy, dx, dw, db);
      }
      dnnl.dnnl_set_verbose(0);
    }

    /**
     * Best seconds of: forward, backward-data, backward-weights, and the layer's backward (both
     * passes, sharing the reordered {@code dL/ddst} where the primitives agree on its layout); the
     * separate backward passes only if {@code separately} (else NaN).
     */
    double[] time(OneDnnConvolution conv, int reps, boolean separately) {
      if (x == null) {
        allocate();
      }
      double fwd = best(() -> conv.forward(x, w, b, y), reps);
      double bwd = best(() -> conv.backward(x, w, dy, dx, dw, db), reps);
      if (!separately) {
        return new double[] {fwd, Double.NaN, Double.NaN, bwd};
      }
      return new double[] {
        fwd,
        best(() -> conv.backwardData(dy, w, dx), reps),
        best(() -> conv.backwardWeights(x, dy, dw, db), reps),
        bwd
      };
    }
  }

  /** The fastest of {@code reps} runs after two warm-up runs. */
  static double best(Runnable op, int reps) {
    op.run();
    op.run();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      op.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }
}
