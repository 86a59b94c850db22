package dev.musket.app.data;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** The view side of {@link Pixels}: JavaFX images, made on the FX thread. */
final class FxImages {
  private FxImages() {}

  static Image toImage(Pixels pixels) {
    WritableImage image = new WritableImage(pixels.width(), pixels.height());
    image
        .getPixelWriter()
        .setPixels(
            0,
            0,
            pixels.width(),
            pixels.height(),
            PixelFormat.getIntArgbInstance(),
            pixels.argb(),
            0,
            pixels.width());
    return image;
  }

  /**
   * An image view showing {@code pixels} enlarged by a whole factor to about {@code side} pixels,
   * without smoothing: small training images (28x28, 48x48) stay crisp, so what you see is what the
   * model gets.
   */
  static ImageView view(Pixels pixels, int side) {
    ImageView view = new ImageView(toImage(pixels));
    int zoom = Math.max(1, side / Math.max(pixels.width(), pixels.height()));
    view.setFitWidth(pixels.width() * zoom);
    view.setFitHeight(pixels.height() * zoom);
    view.setSmooth(false);
    return view;
  }
}
