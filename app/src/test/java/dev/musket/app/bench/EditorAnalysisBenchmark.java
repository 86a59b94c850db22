package dev.musket.app.bench;

import dev.musket.app.editors.EngineDiagnosticsProvider;
import dev.musket.editor.analysis.DocumentAnalyzer;
import dev.musket.editor.highlight.YamlHighlighter;
import dev.musket.engine.config.ExperimentLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What runs off the FX thread after each typing pause in the workbench's editor, on a 1,000-line
 * Musket config: highlighting, and highlighting plus the engine's full validation (through the
 * app's adapter) plus squiggles. Sample time gives the median and percentiles (bench/editor.sh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EditorAnalysisBenchmark {

  private String[] texts;
  private DocumentAnalyzer analyzer;
  private int next;

  @Setup
  public void setUp() {
    String config = LargeConfig.lines(1000);
    // two texts in turn, so no stage can answer from a cache of the previous call
    texts = new String[] {config, config.replace("patience: 5", "patience: 6")};
    analyzer = new DocumentAnalyzer(new EngineDiagnosticsProvider(new ExperimentLoader(), null));
  }

  @Benchmark
  public Object highlight() {
    return YamlHighlighter.highlight(texts[next++ & 1]);
  }

  @Benchmark
  public Object highlightValidateAndSquiggles() {
    return analyzer.analyze(texts[next++ & 1]).problems();
  }
}
