package dev.musket.editor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo's sample config and a generated large config for benchmarks. */
public final class SampleConfigs {

  private SampleConfigs() {}

  /** A Musket classification config (from the proteins example, with one typo kept in). */
  public static String sample() {
    try (InputStream in = SampleConfigs.class.getResourceAsStream("sample-config.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A realistic config of exactly {@code lines} lines: the sample's root keys, then as many stages
   * (each with a callback and a comment) as fit, with an unknown key every 50 lines so validation
   * has something to report.
   */
  public static String large(int lines) {
    StringBuilder out = new StringBuilder();
    String[] head = sample().split("\n");
    int written = 0;
    for (String line : head) {
      if (line.startsWith("stages:")) {
        break;
      }
      out.append(line).append('\n');
      written++;
    }
    out.append("stages:\n");
    written++;
    String[] stage = {
      "  - epochs: 10",
      "    lr: 0.0001  # warm up",
      "    loss: binary_crossentropy+0.1*dice_loss",
      "    callbacks:",
      "      EarlyStopping: {patience: 5, monitor: val_macro_f1, mode: max}",
      "      ReduceLROnPlateau:",
      "        factor: 0.5",
      "        patience: 2",
      "    unfreeze_encoder: true",
      "    extra_callbacks:",
    };
    int n = 0;
    while (written < lines) {
      String line = stage[n % stage.length];
      if (n % 50 == 47) {
        line = "    epohcs: 3";
      }
      if (n % stage.length == stage.length - 1) {
        line = "    # stage " + (n / stage.length) + " ends";
      }
      out.append(line).append('\n');
      written++;
      n++;
    }
    return out.toString();
  }
}
