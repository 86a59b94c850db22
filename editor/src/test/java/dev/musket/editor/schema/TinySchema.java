package dev.musket.editor.schema;

/**
 * A tiny but real Musket-like schema for tests: a few root keys, an enum, a list of stages, a map
 * of augmenters with parameters, a map of callbacks.
 */
public final class TinySchema {

  private TinySchema() {}

  /** The schema. */
  public static SchemaTree create() {
    return SchemaTree.builder()
        .scalar(
            "architecture",
            "Backbone network of the classifier.",
            new SchemaValue("resnet50", "ResNet with 50 layers."),
            new SchemaValue("resnet18", "ResNet with 18 layers."),
            new SchemaValue("xception", "Xception, depthwise separable convolutions."))
        .scalar(
            "optimizer",
            "Optimizer used to train the network.",
            new SchemaValue("Adam", "Adaptive moment estimation."),
            new SchemaValue("SGD", "Stochastic gradient descent."))
        .scalar("lr", "Learning rate of the optimizer.")
        .scalar("batch", "Training batch size.")
        .listOf(
            "metrics",
            "Metrics tracked every epoch.",
            new SchemaValue("binary_accuracy", "Share of correct 0/1 predictions."),
            new SchemaValue("macro_f1", "F1 averaged over classes."))
        .map(
            "augmentation",
            "Train-time augmenters, applied in order.",
            aug ->
                aug.scalar("Fliplr", "Flips images horizontally with the given probability.")
                    .map(
                        "Affine",
                        "Rotates, scales and shears.",
                        affine ->
                            affine
                                .scalar("rotate", "Rotation range in degrees.")
                                .scalar("scale", "Scale range.")))
        .map(
            "callbacks",
            "Callbacks for every stage.",
            callbacks ->
                callbacks.map(
                    "EarlyStopping",
                    "Stops when the monitored metric stops improving.",
                    es ->
                        es.scalar("patience", "Epochs without improvement before stopping.")
                            .scalar(
                                "mode",
                                "Whether the metric should go down or up.",
                                new SchemaValue("min", "Lower is better."),
                                new SchemaValue("max", "Higher is better."))))
        .list(
            "stages",
            "Training stages, run one after another.",
            stage ->
                stage
                    .scalar("epochs", "Number of epochs of this stage.")
                    .scalar("lr", "Learning rate for this stage.")
                    .scalar("loss", "Loss for this stage."))
        .build();
  }
}
