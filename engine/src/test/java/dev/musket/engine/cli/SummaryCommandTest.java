package dev.musket.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SummaryCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void printsTheLayerTableAndKerasParameterCount() {
    int code =
        MusketCli.run(
            "summary", "--architecture", "resnet50", "--shape", "224,224,3", "--include-top");
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(text).contains("stage2_block1_conv1").contains("head_output");
    assertThat(text.strip()).endsWith("Total params: 25636712");
  }

  @Test
  void musketsHeadWithMaxPooling() {
    int code =
        MusketCli.run(
            "summary",
            "--architecture",
            "MobileNet",
            "--shape",
            "64,64,1",
            "--classes",
            "7",
            "--pooling",
            "max");
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("GlobalPoolingLayer");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    int code = MusketCli.run("summary", "--architecture", "resnet5O", "--shape", "224,224,3");
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(2);
    assertThat(text).contains("did you mean ResNet50?").contains("NASNetMobile");
  }
}
