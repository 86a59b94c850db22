package dev.musket.app.bench;

/** A valid Musket classification config of about N lines: a long augmentation tree and stages. */
final class LargeConfig {

  private LargeConfig() {}

  static String lines(int target) {
    StringBuilder y =
        new StringBuilder(
            """
            #%Musket Classification 1.0
            # a large config for editor benchmarks
            architecture: ResNet50
            classes: 10
            activation: softmax
            shape: [224, 224, 3]
            optimizer: Adam
            lr: 0.001
            batch: 16
            loss: categorical_crossentropy+0.1*dice_loss
            metrics: [categorical_accuracy, macro_f1]
            primary_metric: val_categorical_accuracy
            primary_metric_mode: max
            callbacks:
              EarlyStopping: {patience: 5, monitor: val_loss}
              ReduceLROnPlateau: {patience: 2, factor: 0.3, monitor: val_loss, mode: min}
            dataset:
              image_folder: [data/images]
            augmentation:
            """);
    int i = 0;
    while (y.chars().filter(c -> c == '\n').count() < target - 40) {
      y.append("  # block ").append(i).append('\n');
      y.append("  - Sometimes:\n");
      y.append("      p: 0.").append(1 + i % 9).append('\n');
      y.append("      then_list:\n");
      y.append("        - Affine:\n");
      y.append("            rotate: [-")
          .append(5 + i % 20)
          .append(", ")
          .append(5 + i % 20)
          .append("]\n");
      y.append("            scale: [0.9, 1.1]\n");
      y.append("            mode: reflect\n");
      y.append("        - Fliplr: 0.5\n");
      i++;
    }
    y.append("stages:\n");
    while (y.chars().filter(c -> c == '\n').count() < target) {
      y.append("  - epochs: 3\n    lr: 0.0005\n");
    }
    return y.toString();
  }
}
