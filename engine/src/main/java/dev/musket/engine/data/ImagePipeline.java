package dev.musket.engine.data;

import dev.musket.engine.augment.Augmenter;
import dev.musket.engine.augment.Channels;
import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.Interpolation;
import dev.musket.engine.augment.opencv.OpenCvOps;
import java.util.SplittableRandom;

/**
 * What happens to a decoded image before it reaches the model, in Musket's order: channels adapted
 * to {@code shape[2]}, {@code transforms} (train and inference), the automatic resize to {@code
 * shape} unless {@code manualResize}, then {@code augmentation} (training only). Should an
 * augmenter change the size (a crop without keep_size, Rotate90 on a non-square image) the result
 * is resized to {@code shape} again, so every batch has one shape.
 *
 * @param height model input height ({@code shape[0]}, divided by {@code crops} when cropping)
 */
public record ImagePipeline(
    int height,
    int width,
    int channels,
    boolean manualResize,
    Augmenter transforms,
    Augmenter augmentation) {

  /** An augmenter that changes nothing. */
  public static final Augmenter NONE = (image, random) -> image;

  public HwcImage prepare(HwcImage decoded, boolean training, SplittableRandom random) {
    HwcImage img = Channels.adapt(decoded, channels);
    img = transforms.apply(img, random);
    img = fit(img);
    if (training) {
      img = fit(augmentation.apply(img, random));
    }
    return Channels.adapt(img, channels);
  }

  private HwcImage fit(HwcImage img) {
    if (manualResize || (img.height() == height && img.width() == width)) {
      return img;
    }
    boolean shrinking = img.height() * img.width() > height * width;
    return OpenCvOps.resize(
        img, height, width, shrinking ? Interpolation.AREA : Interpolation.CUBIC);
  }
}
