package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NASNet-A as Keras applications: a strided stem convolution, two stem reduction cells, then three
 * groups of normal cells separated by reduction cells; each cell combines its input with the
 * previous cell's output, "adjusted" (strided or projected) to the same shape.
 *
 * <p>The variants are data ({@link Variant}): NASNetMobile and NASNetLarge differ in penultimate
 * filters, cells per group, stem filters, whether reduction outputs skip the next cell, and their
 * default input size. Batch norm uses Keras' epsilon 1e-3 and momentum 0.9997.
 */
public final class NasNetBuilder implements ModelBuilder {

  /** One NASNet configuration, as the arguments of Keras' {@code NASNet(...)}. */
  public record Variant(
      int penultimateFilters,
      int cellsPerGroup,
      int stemFilters,
      boolean skipReduction,
      int defaultSize) {}

  public static final NasNetBuilder MOBILE =
      new NasNetBuilder(new Variant(1056, 4, 32, false, 224));
  public static final NasNetBuilder LARGE = new NasNetBuilder(new Variant(4032, 6, 96, true, 331));

  private static final double EPSILON = 1e-3;
  private static final double MOMENTUM = 0.9997;
  private static final int MULTIPLIER = 2;

  private final Variant variant;

  public NasNetBuilder(Variant variant) {
    this.variant = variant;
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    int filters = variant.penultimateFilters() / 24;
    int cells = variant.cellsPerGroup();
    String x = g.conv("stem_conv1", input, variant.stemFilters(), 3, 2, VALID, false);
    x = g.batchNorm("stem_bn1", x, EPSILON, MOMENTUM);
    String[] xp = reductionCell(g, x, null, filters / (MULTIPLIER * MULTIPLIER), "stem1");
    xp = reductionCell(g, xp[0], xp[1], filters / MULTIPLIER, "stem2");
    for (int i = 0; i < cells; i++) {
      xp = normalCell(g, xp[0], xp[1], filters, "normal" + i);
    }
    xp = reduce(g, xp, filters * MULTIPLIER, "reduce" + cells);
    for (int i = 0; i < cells; i++) {
      xp = normalCell(g, xp[0], xp[1], filters * MULTIPLIER, "normal" + (cells + i + 1));
    }
    xp = reduce(g, xp, filters * MULTIPLIER * MULTIPLIER, "reduce" + (2 * cells));
    for (int i = 0; i < cells; i++) {
      xp =
          normalCell(
              g, xp[0], xp[1], filters * MULTIPLIER * MULTIPLIER, "normal" + (2 * cells + i + 1));
    }
    return g.relu("final_relu", xp[0]);
  }

  private String[] reduce(LayerGraph g, String[] xp, int filters, String name) {
    String[] reduced = reductionCell(g, xp[0], xp[1], filters, name);
    return variant.skipReduction() ? new String[] {reduced[0], xp[1]} : reduced;
  }

  private static String bn(LayerGraph g, String name, String in) {
    return g.batchNorm(name, in, EPSILON, MOMENTUM);
  }

  private static String sepBlock(
      LayerGraph g, String in, int filters, int kernel, int stride, String name) {
    String x = g.relu(name + "_relu1", in);
    if (stride == 2) {
      x = g.corrected(name + "_pad", x, kernel);
    }
    x =
        g.separable(
            name + "_sepconv1", x, filters, kernel, stride, stride == 2 ? VALID : SAME, false);
    x = bn(g, name + "_bn1", x);
    x = g.relu(name + "_relu2", x);
    x = g.separable(name + "_sepconv2", x, filters, kernel, 1, SAME, false);
    return bn(g, name + "_bn2", x);
  }

  /** Keras' {@code _adjust_block}: brings the previous cell's output to this cell's shape. */
  private static String adjust(LayerGraph g, String p, String ip, int filters, String name) {
    if (p == null) {
      return ip;
    }
    if (g.shape(p).width() != g.shape(ip).width()) {
      String r = g.relu(name + "_adjust_relu", p);
      String p1 = g.avgPool(name + "_adjust_pool1", r, 1, 2, VALID);
      p1 = g.conv(name + "_adjust_conv1", p1, filters / 2, 1, 1, SAME, false);
      String p2 = g.zeroPad(name + "_adjust_pad2", r, 0, 1, 0, 1);
      p2 = g.crop(name + "_adjust_crop2", p2, 1, 0, 1, 0);
      p2 = g.avgPool(name + "_adjust_pool2", p2, 1, 2, VALID);
      p2 = g.conv(name + "_adjust_conv2", p2, filters / 2, 1, 1, SAME, false);
      String merged = g.concat(name + "_adjust_concat", p1, p2);
      return bn(g, name + "_adjust_bn", merged);
    }
    if (g.channels(p) != filters) {
      String r = g.relu(name + "_adjust_relu", p);
      String projected = g.conv(name + "_adjust_conv", r, filters, 1, 1, SAME, false);
      return bn(g, name + "_adjust_bn", projected);
    }
    return p;
  }

  private static String squeeze(LayerGraph g, String ip, int filters, String name) {
    String h = g.relu(name + "_relu", ip);
    h = g.conv(name + "_conv1", h, filters, 1, 1, SAME, false);
    return bn(g, name + "_bn1", h);
  }

  /** Keras' {@code _normal_a_cell}; returns {this cell's output, its input}. */
  private static String[] normalCell(LayerGraph g, String ip, String p, int filters, String name) {
    p = adjust(g, p, ip, filters, name);
    String h = squeeze(g, ip, filters, name);
    String x1 =
        g.add(
            name + "_add1",
            sepBlock(g, h, filters, 5, 1, name + "_left1"),
            sepBlock(g, p, filters, 3, 1, name + "_right1"));
    String x2 =
        g.add(
            name + "_add2",
            sepBlock(g, p, filters, 5, 1, name + "_left2"),
            sepBlock(g, p, filters, 3, 1, name + "_right2"));
    String x3 = g.add(name + "_add3", g.avgPool(name + "_left3", h, 3, 1, SAME), p);
    String x4 =
        g.add(
            name + "_add4",
            g.avgPool(name + "_left4", p, 3, 1, SAME),
            g.avgPool(name + "_right4", p, 3, 1, SAME));
    String x5 = g.add(name + "_add5", sepBlock(g, h, filters, 3, 1, name + "_left5"), h);
    return new String[] {g.concat(name + "_concat", p, x1, x2, x3, x4, x5), ip};
  }

  /** Keras' {@code _reduction_a_cell}; returns {this cell's output, its input}. */
  private static String[] reductionCell(
      LayerGraph g, String ip, String p, int filters, String name) {
    p = adjust(g, p, ip, filters, name);
    String h = squeeze(g, ip, filters, name);
    String h3 = g.corrected(name + "_pad", h, 3);
    String x1 =
        g.add(
            name + "_add1",
            sepBlock(g, h, filters, 5, 2, name + "_left1"),
            sepBlock(g, p, filters, 7, 2, name + "_right1"));
    String x2 =
        g.add(
            name + "_add2",
            g.maxPool(name + "_left2", h3, 3, 2, VALID),
            sepBlock(g, p, filters, 7, 2, name + "_right2"));
    String x3 =
        g.add(
            name + "_add3",
            g.avgPool(name + "_left3", h3, 3, 2, VALID),
            sepBlock(g, p, filters, 5, 2, name + "_right3"));
    String x4 = g.add(name + "_add4", x2, g.avgPool(name + "_left4", x1, 3, 1, SAME));
    String x5 =
        g.add(
            name + "_add5",
            sepBlock(g, x1, filters, 3, 1, name + "_left5"),
            g.maxPool(name + "_right5", h3, 3, 2, VALID));
    return new String[] {g.concat(name + "_concat", x2, x3, x4, x5), ip};
  }

  @Override
  public int defaultInputSize() {
    return variant.defaultSize();
  }

  /**
   * Keras' names: {@code stem_conv1}, {@code reduction_conv_1_stem_1}, {@code
   * separable_conv_2_bn_normal_left1_0}, {@code adjust_conv_projection_3}...; Keras' reduction
   * cells call their fifth branch {@code reduction_left4}, which is kept.
   */
  @Override
  public String kerasLayerName(String layer) {
    if (layer.startsWith("stem_")) {
      return layer;
    }
    Matcher m = CELL_LAYER.matcher(layer);
    if (!m.matches()) {
      return null;
    }
    String cell = m.group(1);
    String id =
        cell.startsWith("stem")
            ? "stem_" + m.group(2)
            : cell.startsWith("reduce") ? "reduce_" + m.group(2) : m.group(2);
    String type = cell.startsWith("normal") ? "normal" : "reduction";
    String rest = m.group(3);
    switch (rest) {
      case "conv1":
        return type + "_conv_1_" + id;
      case "bn1":
        return type + "_bn_1_" + id;
      case "adjust_conv1":
        return "adjust_conv_1_" + id;
      case "adjust_conv2":
        return "adjust_conv_2_" + id;
      case "adjust_conv":
        return "adjust_conv_projection_" + id;
      case "adjust_bn":
        return "adjust_bn_" + id;
      default:
        break;
    }
    Matcher sep = SEPARABLE_LAYER.matcher(rest);
    if (!sep.matches()) {
      return null;
    }
    String branch = sep.group(1);
    if (type.equals("reduction") && branch.equals("left5")) {
      branch = "left4";
    }
    String kind = sep.group(2).startsWith("sepconv") ? "" : "bn_";
    String index = sep.group(2).substring(sep.group(2).length() - 1);
    return "separable_conv_" + index + "_" + kind + type + "_" + branch + "_" + id;
  }

  private static final Pattern CELL_LAYER = Pattern.compile("((?:stem|normal|reduce))(\\d+)_(.+)");
  private static final Pattern SEPARABLE_LAYER =
      Pattern.compile("((?:left|right)\\d)_(sepconv\\d|bn\\d)");
}
