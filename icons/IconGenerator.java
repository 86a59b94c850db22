import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Renders musket-workbench.svg's geometry with Java2D into the PNG sizes the desktop needs. No SVG
 * renderer (rsvg-convert, Inkscape, an ImageMagick with SVG) was installed where the icon was made,
 * so the drawing below repeats the SVG's shapes one for one; change both together.
 *
 * <pre>java icons/IconGenerator.java icons app/src/main/resources/dev/musket/app/icons</pre>
 */
public class IconGenerator {

  static final int[] SIZES = {16, 32, 48, 64, 128, 256};

  public static void main(String[] args) throws Exception {
    for (String dir : args) {
      new File(dir).mkdirs();
      for (int size : SIZES) {
        ImageIO.write(render(size), "png", new File(dir, "musket-workbench-" + size + ".png"));
      }
    }
  }

  static BufferedImage render(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.scale(size / 256.0, size / 256.0);
    g.setColor(new Color(0x1f3b5c));
    g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 96, 96));
    g.setColor(new Color(0x2f5a87));
    for (int y : new int[] {48, 104, 160}) {
      for (int x : new int[] {48, 104, 160}) {
        g.fill(new RoundRectangle2D.Double(x, y, 48, 48, 12, 12));
      }
    }
    g.setColor(new Color(0xf2a541));
    g.setStroke(new BasicStroke(16));
    g.draw(new Ellipse2D.Double(128 - 72, 128 - 72, 144, 144));
    g.setStroke(new BasicStroke(12));
    g.draw(new Ellipse2D.Double(128 - 36, 128 - 36, 72, 72));
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(128, 24, 128, 60));
    g.draw(new Line2D.Double(128, 196, 128, 232));
    g.draw(new Line2D.Double(24, 128, 60, 128));
    g.draw(new Line2D.Double(196, 128, 232, 128));
    g.fill(new Ellipse2D.Double(118, 118, 20, 20));
    g.dispose();
    return image;
  }
}
