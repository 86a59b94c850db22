package dev.musket.editor.bench;

import dev.musket.editor.analysis.DocumentAnalyzer;
import dev.musket.editor.completion.CompletionEngine;
import dev.musket.editor.demo.DemoSchema;
import dev.musket.editor.demo.SampleConfigs;
import dev.musket.editor.diagnostics.DiagnosticsProvider;
import dev.musket.editor.highlight.YamlHighlighter;
import dev.musket.editor.schema.SchemaKeyDiagnostics;
import dev.musket.editor.schema.SchemaTree;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the editor's off-FX-thread work on a 1,000-line config: highlighting alone, and
 * highlighting plus validation plus squiggles (what runs after each typing pause), and completion
 * at the end of the text (what runs on the FX thread per keystroke while the popup is open).
 *
 * <p>A plain main rather than JMH: each case is warmed up, then timed per call, and the median,
 * 90th percentile and maximum are logged. Run: {@code mvn -B -pl editor test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.musket.editor.bench.AnalysisBench}.
 */
public final class AnalysisBench {

  private static final Logger LOG = LoggerFactory.getLogger(AnalysisBench.class);
  private static final int WARMUP = 300;
  private static final int MEASURED = 300;

  /** Consumes results so the JIT cannot drop the work being timed. */
  private static volatile int sink;

  private AnalysisBench() {}

  public static void main(String[] args) {
    String config = SampleConfigs.large(1000);
    SchemaTree schema = DemoSchema.create();
    DiagnosticsProvider diagnostics = new SchemaKeyDiagnostics(schema);
    DocumentAnalyzer analyzer = new DocumentAnalyzer(diagnostics);
    CompletionEngine completion = new CompletionEngine(schema);
    LOG.info(
        "config: {} lines, {} chars, {} problems",
        config.split("\n").length,
        config.length(),
        analyzer.analyze(config).problems().size());
    // Alternate two texts so no result can be cached between calls.
    String[] texts = {config, config.replace("epochs: 10", "epochs: 11")};
    time("highlight only", i -> YamlHighlighter.highlight(texts[i & 1]));
    time("highlight + validate + squiggles", i -> analyzer.analyze(texts[i & 1]).problems());
    time("validate only (test validator)", i -> diagnostics.diagnose(texts[i & 1]));
    time("completion at the end", i -> completion.complete(texts[i & 1], texts[i & 1].length()));
  }

  private static void time(String name, IntFunction<Object> work) {
    for (int i = 0; i < WARMUP; i++) {
      sink ^= work.apply(i).hashCode();
    }
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      Object result = work.apply(i);
      nanos[i] = System.nanoTime() - start;
      sink ^= result.hashCode();
    }
    Arrays.sort(nanos);
    LOG.debug("sink {}", sink);
    LOG.info(
        "{}: median {} ms, p90 {} ms, max {} ms ({} runs)",
        name,
        ms(nanos[MEASURED / 2]),
        ms(nanos[MEASURED * 9 / 10]),
        ms(nanos[MEASURED - 1]),
        MEASURED);
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }
}
