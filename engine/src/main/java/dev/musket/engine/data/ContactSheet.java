package dev.musket.engine.data;

import dev.musket.engine.augment.Channels;
import dev.musket.engine.augment.HwcImage;
import java.util.List;

/** Lays images out in two rows on a white sheet (nearest-neighbour enlarged), for previews. */
final class ContactSheet {
  private static final int GAP = 4;

  private ContactSheet() {}

  static HwcImage twoRows(List<HwcImage> top, List<HwcImage> bottom, int zoom) {
    int cellH = 0;
    int cellW = 0;
    for (HwcImage i : top) {
      cellH = Math.max(cellH, i.height() * zoom);
      cellW = Math.max(cellW, i.width() * zoom);
    }
    for (HwcImage i : bottom) {
      cellH = Math.max(cellH, i.height() * zoom);
      cellW = Math.max(cellW, i.width() * zoom);
    }
    int cols = Math.max(top.size(), bottom.size());
    int w = cols * (cellW + GAP) + GAP;
    int h = 2 * (cellH + GAP) + GAP;
    HwcImage sheet = HwcImage.blank(h, w, 3);
    java.util.Arrays.fill(sheet.data(), (byte) 255);
    paste(sheet, top, 0, cellH, cellW, zoom);
    paste(sheet, bottom, 1, cellH, cellW, zoom);
    return sheet;
  }

  private static void paste(
      HwcImage sheet, List<HwcImage> row, int r, int cellH, int cellW, int zoom) {
    for (int c = 0; c < row.size(); c++) {
      HwcImage img = Channels.adapt(row.get(c), 3);
      int top = GAP + r * (cellH + GAP);
      int left = GAP + c * (cellW + GAP);
      for (int y = 0; y < img.height() * zoom; y++) {
        for (int x = 0; x < img.width() * zoom; x++) {
          for (int k = 0; k < 3; k++) {
            sheet.set(top + y, left + x, k, img.get(y / zoom, x / zoom, k));
          }
        }
      }
    }
  }
}
