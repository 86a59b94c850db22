package dev.musket.engine.data;

import static dev.musket.engine.data.TestData.solid;
import static dev.musket.engine.data.TestData.write;
import static dev.musket.engine.data.TestData.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourcesTest {
  @TempDir Path dir;

  private final DatasetFactories factories = DatasetFactories.builtIn();

  private DataSet create(String yaml) {
    DatasetBuild b = factories.create(yaml(yaml), dir);
    assertThat(b.diagnostics()).isEmpty();
    return b.dataSet().orElseThrow();
  }

  @Test
  void imageFolderHasOneSortedClassPerSubFolder() throws IOException {
    write(dir.resolve("data/zebra/b.png"), solid(4, 4, 3, 10));
    write(dir.resolve("data/apple/a.png"), solid(4, 4, 3, 20));
    write(dir.resolve("data/apple/c.jpg"), solid(4, 4, 3, 30));
    Files.writeString(dir.resolve("data/apple/notes.txt"), "not an image");
    DataSet ds = create("image_folder: [data]");
    assertThat(ds.size()).isEqualTo(3);
    assertThat(ds.classNames()).containsExactly(java.util.List.of("apple", "zebra"));
    assertThat(ds.id(0)).isEqualTo("apple/a.png");
    assertThat(ds.target(2)[0]).containsExactly(0f, 1f);
    assertThat(ds.label(2)).isEqualTo("zebra");
    assertThat(ds.item(0).x().get(0, 0, 0)).isEqualTo(20);
  }

  @Test
  void csvSingleLabelFindsImagesByIdAndExtension() throws IOException {
    write(dir.resolve("img/a1.png"), solid(3, 3, 3, 1));
    write(dir.resolve("img/a2.png"), solid(3, 3, 3, 2));
    Files.writeString(dir.resolve("train.csv"), "id,label\na1,dog\na2,cat\n");
    DataSet ds = create("csv: {path: train.csv, images: img, extension: .png}");
    assertThat(ds.classNames().get(0)).containsExactly("cat", "dog");
    assertThat(ds.target(0)[0]).containsExactly(0f, 1f);
    assertThat(ds.item(1).x().get(0, 0, 0)).isEqualTo(2);
  }

  @Test
  void csvMultiLabelSplitsOnSpacesAndSortsNumericClasses() throws IOException {
    Files.writeString(dir.resolve("t.csv"), "Id,Target\nx,2 10\ny,0\nz,\n");
    DataSet ds =
        create("csv: {path: t.csv, id_column: Id, label_column: Target, multi_label: true}");
    assertThat(ds.classNames().get(0)).containsExactly("0", "2", "10");
    assertThat(ds.target(0)[0]).containsExactly(0f, 1f, 1f);
    assertThat(ds.isPositive(0)).isTrue();
    assertThat(ds.isPositive(2)).isFalse();
    assertThat(ds.label(0)).isEqualTo("2 10");
  }

  @Test
  void csvMultiOutputGivesOneTargetPerColumn() throws IOException {
    Files.writeString(dir.resolve("t.csv"), "id,shape,color\na,circle,red\nb,square,blue\n");
    DataSet ds = create("csv: {path: t.csv, label_columns: [shape, color]}");
    assertThat(ds.target(0)).hasNumberOfRows(2);
    assertThat(ds.target(0)[0]).containsExactly(1f, 0f);
    assertThat(ds.target(0)[1]).containsExactly(0f, 1f);
    assertThat(ds.label(1)).isEqualTo("square | blue");
  }

  @Test
  void csvImagesByPathColumnAndQuotedCells() throws IOException {
    write(dir.resolve("img/sub/one.bmp"), solid(2, 2, 1, 77));
    Files.writeString(dir.resolve("t.csv"), "id,file,label\n\"a, b\",sub/one.bmp,\"x\"\n");
    DataSet ds = create("csv: {path: t.csv, images: img, path_column: file}");
    assertThat(ds.id(0)).isEqualTo("a, b");
    assertThat(ds.item(0).x().get(1, 1, 0)).isEqualTo(77);
  }

  @Test
  void csvMissingColumnIsADiagnosticNamingTheColumns() throws IOException {
    Files.writeString(dir.resolve("t.csv"), "id,label\na,b\n");
    DatasetBuild b = factories.create(yaml("csv: {path: t.csv, label_column: klass}"), dir);
    assertThat(b.dataSet()).isEmpty();
    assertThat(b.diagnostics().get(0).message())
        .contains("no column 'klass'")
        .contains("[id, label]");
  }

  @Test
  void idxReadsMnistFilesGzippedOrNot() throws IOException {
    writeIdx(dir.resolve("img.idx3-ubyte.gz"), dir.resolve("lab.idx1-ubyte"), true);
    DataSet ds = create("idx: {images: img.idx3-ubyte.gz, labels: lab.idx1-ubyte}");
    assertThat(ds.size()).isEqualTo(3);
    assertThat(ds.item(2).x().height()).isEqualTo(2);
    assertThat(ds.item(2).x().get(1, 1, 0)).isEqualTo(2 * 4 + 3);
    assertThat(ds.target(1)[0][7]).isEqualTo(1f);
    writeIdx(dir.resolve("plain3"), dir.resolve("plain1"), false);
    assertThat(create("idx: [plain3, plain1]").size()).isEqualTo(3);
  }

  private static void writeIdx(Path images, Path labels, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(images);
        DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
      out.writeInt(0x803);
      out.writeInt(3);
      out.writeInt(2);
      out.writeInt(2);
      for (int i = 0; i < 3; i++) {
        for (int p = 0; p < 4; p++) {
          out.writeByte(i * 4 + p);
        }
      }
    }
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
      out.writeInt(0x801);
      out.writeInt(3);
      out.write(new byte[] {1, 7, 9});
    }
  }

  @Test
  void unknownFactoryAndBadArgumentsAreDiagnostics() {
    assertThat(factories.create(yaml("images_from: [x]"), dir).diagnostics().get(0).message())
        .startsWith("unknown dataset factory 'images_from'");
    assertThat(factories.create(yaml("image_folder: {pth: x}"), dir).diagnostics())
        .anySatisfy(d -> assertThat(d.message()).contains("has no argument 'pth'"));
    assertThat(
            factories.create(yaml("image_folder: [missing]"), dir).diagnostics().get(0).message())
        .contains("image folder not found");
  }

  @Test
  void aMissingImageIsAnErrorNamingFileAndIndex() throws IOException {
    Files.writeString(dir.resolve("t.csv"), "id,label\na,x\nb,y\n");
    write(dir.resolve("a.png"), solid(2, 2, 3, 1));
    DataSet ds = create("csv: {path: t.csv, extension: png}");
    assertThatThrownBy(() -> ds.item(1))
        .isInstanceOf(BadImageException.class)
        .hasMessageContaining("b.png")
        .hasMessageContaining("dataset index 1")
        .hasMessageContaining("not found");
  }

  @Test
  void aCorruptImageIsAnErrorNamingFileAndIndex() throws IOException {
    write(dir.resolve("d/c/ok.png"), solid(2, 2, 3, 1));
    Files.write(dir.resolve("d/c/zz.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    DataSet ds = create("image_folder: [d]");
    assertThatThrownBy(() -> ds.item(1))
        .isInstanceOf(BadImageException.class)
        .hasMessageContaining("zz.png")
        .hasMessageContaining("dataset index 1");
  }

  @Test
  void skipBadImagesDropsAndCountsThem() throws IOException {
    write(dir.resolve("d/c/a.png"), solid(2, 2, 3, 1));
    Files.write(dir.resolve("d/c/b.png"), new byte[] {1, 2, 3});
    write(dir.resolve("d/c/c.png"), solid(2, 2, 3, 3));
    DatasetBuild b = factories.create(yaml("image_folder: {path: d, skip_bad_images: true}"), dir);
    assertThat(b.skippedImages()).isEqualTo(1);
    SkippedImage bad = b.skipped().orElseThrow().get(0);
    assertThat(bad.id()).isEqualTo("c/b.png");
    assertThat(bad.index()).isEqualTo(1);
    assertThat(bad.file()).hasFileName("b.png");
    DataSet ds = b.dataSet().orElseThrow();
    assertThat(ds.size()).isEqualTo(2);
    assertThat(ds.id(1)).isEqualTo("c/c.png");
  }

  @Test
  void withoutSkipBadImagesNothingIsScreened() throws IOException {
    write(dir.resolve("d/c/a.png"), solid(2, 2, 3, 1));
    assertThat(factories.create(yaml("image_folder: [d]"), dir).skipped()).isEmpty();
    assertThat(
            factories.create(yaml("image_folder: {path: d, skip_bad_images: true}"), dir).skipped())
        .contains(List.of());
  }

  @Test
  void skipBadImagesKeepsASourcesPredefinedHoldoutRenumbered() throws IOException {
    writeIdx(dir.resolve("a3"), dir.resolve("a1"), false);
    writeIdx(dir.resolve("b3"), dir.resolve("b1"), false);
    DataSet idx =
        create(
            "idx: {images: a3, labels: a1, holdout_images: b3, holdout_labels: b1,"
                + " skip_bad_images: true}");
    assertThat(idx.predefinedHoldout())
        .hasValueSatisfying(h -> assertThat(h).containsExactly(3, 4, 5));

    // item 1 is bad: the holdout {3, 4} of the source is {2, 3} once it is dropped
    DataSet source =
        new FileImageDataSet(
            IntStream.range(0, 5)
                .mapToObj(
                    i -> {
                      Path f = dir.resolve("h" + i + ".png");
                      return new FileImageDataSet.Entry("h" + i, f, new float[][] {{1}});
                    })
                .toList(),
            List.of(List.of("x"))) {
          @Override
          public Optional<int[]> predefinedHoldout() {
            return Optional.of(new int[] {3, 4});
          }
        };
    for (int i = 0; i < 5; i++) {
      if (i != 1) {
        write(dir.resolve("h" + i + ".png"), solid(2, 2, 3, i));
      }
    }
    ScreenedDataSet screened = ScreenedDataSet.screen(source);
    assertThat(screened.size()).isEqualTo(4);
    assertThat(screened.predefinedHoldout())
        .hasValueSatisfying(h -> assertThat(h).containsExactly(2, 3));
  }

  @Test
  void decodesEveryFormatAndChannelCount() throws IOException {
    for (String ext : new String[] {".png", ".bmp", ".tif", ".jpg"}) {
      for (int c : new int[] {1, 3, 4}) {
        if ((ext.equals(".jpg") || ext.equals(".bmp")) && c == 4) {
          // OpenCV writes these formats without alpha
          continue;
        }
        Path f = write(dir.resolve("f" + c + ext), solid(5, 6, c, 200));
        var img = ImageFiles.read(f, 0);
        assertThat(img.channels()).as(ext + c).isEqualTo(c);
        assertThat(img.height()).isEqualTo(5);
        assertThat(img.get(2, 2, 0)).as(ext + c).isBetween(197, 203);
      }
    }
  }

  @Test
  void sixteenBitImagesAreScaledToEightBits() throws IOException {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
    img.getRaster().setSample(0, 0, 0, 65535);
    img.getRaster().setSample(1, 0, 0, 257 * 100);
    Path f = dir.resolve("deep.png");
    javax.imageio.ImageIO.write(img, "png", f.toFile());
    var decoded = ImageFiles.read(f, 0);
    assertThat(decoded.get(0, 0, 0)).isEqualTo(255);
    assertThat(decoded.get(0, 1, 0)).isEqualTo(100);
  }
}
