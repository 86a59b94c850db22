package dev.musket.editor.demo;

import dev.musket.editor.schema.SchemaTree;
import dev.musket.editor.schema.SchemaValue;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A Musket classification schema written by hand for the demo and the benchmarks, with docs taken
 * from the Musket spec. The app derives the real one from the engine; this one only has to be big
 * enough to exercise the editor.
 */
public final class DemoSchema {

  private DemoSchema() {}

  private static SchemaValue[] names(String doc, String... names) {
    return Arrays.stream(names).map(n -> new SchemaValue(n, doc)).toArray(SchemaValue[]::new);
  }

  private static final SchemaValue[] ARCHITECTURES =
      names(
          "Classification backbone.",
          "resnet18",
          "resnet34",
          "resnet50",
          "resnet101",
          "resnet152",
          "resnext50",
          "densenet121",
          "densenet169",
          "densenet201",
          "vgg16",
          "vgg19",
          "inceptionv3",
          "xception",
          "mobilenet",
          "mobilenetv2");

  private static final SchemaValue[] LOSSES = {
    new SchemaValue("binary_crossentropy", "Cross-entropy of independent sigmoid outputs."),
    new SchemaValue("categorical_crossentropy", "Cross-entropy of a softmax output."),
    new SchemaValue("focal_loss", "Focal loss (gamma 2, alpha 0.25); down-weights easy examples."),
    new SchemaValue("dice_loss", "1 - Dice coefficient."),
    new SchemaValue("mse", "Mean squared error.")
  };

  private static final SchemaValue[] METRICS = {
    new SchemaValue("binary_accuracy", "Share of correct predictions after a 0.5 threshold."),
    new SchemaValue("categorical_accuracy", "Share of samples whose arg-max class is right."),
    new SchemaValue("macro_f1", "F1 score averaged over classes."),
    new SchemaValue("dice", "Dice coefficient."),
    new SchemaValue("iou", "Intersection over union.")
  };

  private static final SchemaValue[] MODES = {
    new SchemaValue("auto", "Infer from the metric's name."),
    new SchemaValue("min", "Lower is better."),
    new SchemaValue("max", "Higher is better.")
  };

  private static Consumer<SchemaTree.Builder> callbacks() {
    return cb ->
        cb.map(
                "EarlyStopping",
                "Stops the stage when the monitored metric stops improving.",
                es ->
                    es.scalar("patience", "Epochs without improvement before stopping.")
                        .scalar("monitor", "Metric to watch, e.g. val_loss.")
                        .scalar("mode", "Whether the metric should go down or up.", MODES)
                        .scalar("verbose", "1 to log when stopping."))
            .map(
                "ReduceLROnPlateau",
                "Multiplies the learning rate by a factor when the metric plateaus.",
                r ->
                    r.scalar("patience", "Epochs without improvement before reducing.")
                        .scalar("factor", "Multiplier in (0, 1).")
                        .scalar("monitor", "Metric to watch.")
                        .scalar("mode", "Whether the metric should go down or up.", MODES)
                        .scalar("cooldown", "Epochs to wait after a reduction."))
            .map(
                "CyclicLR",
                "Cycles the learning rate between two bounds.",
                c ->
                    c.scalar("base_lr", "Lower bound.")
                        .scalar("max_lr", "Upper bound.")
                        .scalar("step_size", "Batches per half cycle.")
                        .scalar(
                            "mode",
                            "Cycle shape.",
                            names("Cycle shape.", "triangular", "triangular2", "exp_range")));
  }

  /** The demo schema. */
  public static SchemaTree create() {
    return SchemaTree.builder()
        .scalar("architecture", "Backbone network of the classifier.", ARCHITECTURES)
        .scalar("classes", "Number of output units (a list for several outputs).")
        .scalar(
            "activation",
            "Activation of the final layer.",
            new SchemaValue("sigmoid", "Independent probabilities (multi-label)."),
            new SchemaValue("softmax", "One distribution over the classes."))
        .scalar(
            "weights",
            "Pretrained encoder weights.",
            new SchemaValue("imagenet", "Weights trained on ImageNet."))
        .scalar("shape", "Input shape [height, width, channels]; images are resized to it.")
        .scalar("dropout", "Dropout before the final dense layer.")
        .scalar(
            "optimizer",
            "Optimizer used to train the network.",
            new SchemaValue("Adam", "Adaptive moment estimation."),
            new SchemaValue("SGD", "Stochastic gradient descent."),
            new SchemaValue("RMSprop", "Root mean square propagation."),
            new SchemaValue("Nadam", "Adam with Nesterov momentum."))
        .scalar("lr", "Learning rate of the optimizer (default 0.001).")
        .scalar("batch", "Training batch size.")
        .scalar("loss", "Loss name, or a weighted sum such as a+0.3*b.", LOSSES)
        .listOf("metrics", "Metrics tracked every epoch.", METRICS)
        .scalar("primary_metric", "Metric that picks the best weights, e.g. val_macro_f1.")
        .scalar("primary_metric_mode", "Whether the primary metric should go down or up.", MODES)
        .scalar("folds_count", "Number of cross-validation folds (default 5).")
        .scalar("testSplit", "Fraction held out before folding, never trained on.")
        .map("callbacks", "Callbacks for every stage.", callbacks())
        .map(
            "augmentation",
            "Train-time augmenters, applied in order.",
            aug ->
                aug.scalar("Fliplr", "Flips horizontally with the given probability.")
                    .scalar("Flipud", "Flips vertically with the given probability.")
                    .scalar("Rotate90", "Rotates by a random multiple of 90 degrees.")
                    .map(
                        "Affine",
                        "Rotates, scales, shears and translates.",
                        a ->
                            a.scalar("rotate", "Rotation range in degrees, e.g. [-15, 15].")
                                .scalar("scale", "Scale range, e.g. [0.9, 1.1].")
                                .scalar("shear", "Shear range in degrees.")
                                .scalar("translate_percent", "Translation as a fraction of size."))
                    .map(
                        "GaussianBlur",
                        "Blurs with a Gaussian kernel.",
                        g -> g.scalar("sigma", "Sigma range, e.g. [0, 1.5].")))
        .map(
            "dataset",
            "The training dataset, as {factory: arguments}.",
            d ->
                d.scalar("image_folder", "One sub-folder per class: [path].")
                    .map(
                        "csv",
                        "Images listed in a CSV file.",
                        c ->
                            c.scalar("path", "The CSV file.")
                                .scalar("images", "Folder of the images.")
                                .scalar("id_column", "Column with image ids.")
                                .scalar("label_column", "Column with labels.")
                                .scalar(
                                    "multi_label",
                                    "Whether a row may carry several labels.",
                                    names("Boolean.", "true", "false")))
                    .scalar("idx", "MNIST-style IDX files: {images, labels}."))
        .list(
            "stages",
            "Training stages, run one after another.",
            stage ->
                stage
                    .scalar("epochs", "Number of epochs of this stage (required).")
                    .scalar("lr", "Learning rate for this stage.")
                    .scalar("loss", "Loss for this stage.", LOSSES)
                    .scalar(
                        "unfreeze_encoder",
                        "Makes the encoder trainable.",
                        names("Boolean.", "true", "false"))
                    .map("callbacks", "Replaces the global callbacks for this stage.", callbacks())
                    .map("extra_callbacks", "Added to the global callbacks.", callbacks()))
        .build();
  }
}
