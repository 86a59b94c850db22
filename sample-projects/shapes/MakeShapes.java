import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Generates the shapes sample data deterministically: 3 classes (circle, square, triangle) x 100
 * images of 48x48 RGB PNG, each a shape of one of 4 colours on a plain light background, plus
 * data/shapes.csv (id, file, shape, color) for the CSV experiments.
 *
 * <p>Run from this folder with {@code java MakeShapes.java} (JDK 11+, no dependencies); the same
 * seed always writes the same files.
 */
public class MakeShapes {
  static final String[] SHAPES = {"circle", "square", "triangle"};
  static final String[] COLORS = {"blue", "green", "red", "yellow"};
  static final Color[] RGB = {
    new Color(40, 80, 220), new Color(40, 170, 60), new Color(210, 40, 40), new Color(230, 200, 30)
  };
  static final int SIZE = 48;
  static final int PER_CLASS = 100;

  public static void main(String[] args) throws IOException {
    Random random = new Random(20261123L);
    Path images = Path.of("data", "images");
    StringBuilder csv = new StringBuilder("id,file,shape,color\n");
    for (String shape : SHAPES) {
      Files.createDirectories(images.resolve(shape));
      for (int i = 0; i < PER_CLASS; i++) {
        int color = random.nextInt(COLORS.length);
        BufferedImage img = draw(shape, RGB[color], random);
        String id = String.format("%s_%03d", shape, i);
        String file = shape + "/" + id + ".png";
        ImageIO.write(img, "png", images.resolve(file).toFile());
        csv.append(id).append(',').append(file).append(',').append(shape).append(',')
            .append(COLORS[color]).append('\n');
      }
    }
    Files.writeString(Path.of("data", "shapes.csv"), csv, StandardCharsets.UTF_8);
  }

  static BufferedImage draw(String shape, Color color, Random random) {
    BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int bg = 200 + random.nextInt(50);
    g.setColor(new Color(bg, bg, bg - random.nextInt(20)));
    g.fillRect(0, 0, SIZE, SIZE);
    int s = 16 + random.nextInt(14);
    int x = 4 + random.nextInt(SIZE - s - 8);
    int y = 4 + random.nextInt(SIZE - s - 8);
    g.setColor(color);
    switch (shape) {
      case "circle" -> g.fillOval(x, y, s, s);
      case "square" -> g.fillRect(x, y, s, s);
      default -> g.fillPolygon(new Polygon(new int[] {x, x + s / 2, x + s}, new int[] {y + s, y, y + s}, 3));
    }
    g.setStroke(new BasicStroke(1));
    g.setColor(color.darker());
    for (int k = 0; k < 3; k++) {
      int px = random.nextInt(SIZE);
      int py = random.nextInt(SIZE);
      g.drawLine(px, py, px + 1, py);
    }
    g.dispose();
    return img;
  }
}
