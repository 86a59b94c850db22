package dev.musket.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code csv} source: an id column and label column(s).
 *
 * <ul>
 *   <li>single-label: one class name per row in {@code label_column};
 *   <li>multi-label ({@code multi_label: true}): space-separated class names, as in the Human
 *       Protein Atlas data (an empty cell is an item with no class: a negative);
 *   <li>multi-output ({@code label_columns: [a, b]}): one target per column, each with its own
 *       classes.
 * </ul>
 *
 * <p>Classes are sorted (numerically when every name is an integer). An image is {@code
 * images/<id><extension>}, or {@code images/<path_column value>}; without an extension the id is
 * used as it is when it names a file, else the first existing {@code id.png/.jpg/...}.
 */
public final class CsvDataSets {
  private CsvDataSets() {}

  /** What a {@code csv:} dataset entry says. */
  public record Options(
      Path csv,
      Path images,
      String idColumn,
      List<String> labelColumns,
      String pathColumn,
      String extension,
      boolean multiLabel) {}

  public static FileImageDataSet load(Options o) throws IOException {
    CsvTable table = CsvTable.read(o.csv());
    int idCol = requireColumn(table, o.idColumn(), o.csv());
    int pathCol = o.pathColumn() == null ? -1 : requireColumn(table, o.pathColumn(), o.csv());
    List<Integer> labelCols = new ArrayList<>();
    for (String name : o.labelColumns()) {
      labelCols.add(requireColumn(table, name, o.csv()));
    }
    List<List<String>> classes = new ArrayList<>();
    for (int col : labelCols) {
      classes.add(classesOf(table, col, o.multiLabel()));
    }
    List<FileImageDataSet.Entry> entries = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      List<String> row = table.rows().get(r);
      String id = cell(row, idCol);
      float[][] target = new float[labelCols.size()][];
      for (int k = 0; k < labelCols.size(); k++) {
        target[k] = encode(cell(row, labelCols.get(k)), classes.get(k), o.multiLabel());
      }
      Path file =
          pathCol >= 0
              ? o.images().resolve(cell(row, pathCol))
              : imageFor(o.images(), id, o.extension());
      entries.add(new FileImageDataSet.Entry(id, file, target));
    }
    return new FileImageDataSet(entries, classes);
  }

  private static int requireColumn(CsvTable table, String name, Path csv) throws IOException {
    int c = table.column(name);
    if (c < 0) {
      throw new IOException(
          "CSV " + csv + " has no column '" + name + "'; its columns: " + table.header());
    }
    return c;
  }

  private static String cell(List<String> row, int col) {
    return col < row.size() ? row.get(col).trim() : "";
  }

  private static List<String> classesOf(CsvTable table, int col, boolean multiLabel) {
    TreeSet<String> names = new TreeSet<>();
    for (List<String> row : table.rows()) {
      String v = cell(row, col);
      if (multiLabel) {
        for (String t : v.split("\\s+")) {
          if (!t.isEmpty()) {
            names.add(t);
          }
        }
      } else {
        names.add(v);
      }
    }
    List<String> sorted = new ArrayList<>(names);
    if (sorted.stream().allMatch(s -> s.matches("-?\\d+"))) {
      sorted.sort(Comparator.comparingLong(Long::parseLong));
    }
    return sorted;
  }

  private static float[] encode(String value, List<String> classes, boolean multiLabel) {
    float[] t = new float[classes.size()];
    if (multiLabel) {
      for (String token : value.split("\\s+")) {
        int c = classes.indexOf(token);
        if (c >= 0) {
          t[c] = 1;
        }
      }
    } else {
      t[classes.indexOf(value)] = 1;
    }
    return t;
  }

  static Path imageFor(Path images, String id, String extension) {
    if (extension != null && !extension.isEmpty()) {
      return images.resolve(id + (extension.startsWith(".") ? extension : "." + extension));
    }
    Path asIs = images.resolve(id);
    if (ImageFiles.isImage(asIs)) {
      return asIs;
    }
    for (String ext : ImageFiles.EXTENSIONS) {
      Path candidate = images.resolve(id + ext);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return images.resolve(id + ".png");
  }
}
