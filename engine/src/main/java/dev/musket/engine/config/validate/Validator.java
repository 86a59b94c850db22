package dev.musket.engine.config.validate;

import dev.musket.engine.config.ConfigDocument;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.Dialect;
import dev.musket.engine.config.SourcePosition;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.validate.checks.CallbackArgumentsCheck;
import dev.musket.engine.config.validate.checks.ClippingCheck;
import dev.musket.engine.config.validate.checks.CropsShapeCheck;
import dev.musket.engine.config.validate.checks.ExtraTrainDataCheck;
import dev.musket.engine.config.validate.checks.MonitoredMetricCheck;
import dev.musket.engine.config.validate.checks.MultiOutputCheck;
import dev.musket.engine.config.validate.checks.SoftmaxSingleClassCheck;
import dev.musket.engine.config.validate.checks.StageFreezeCheck;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a classification config and returns every problem, never only the first: YAML problems,
 * then the dialect, then the structure against the {@link Schema} (stage 1), then the cross-field
 * {@link ConfigCheck}s (stage 2, only when stage 1 found no error, since they assume types).
 */
public final class Validator {

  private static final Logger log = LoggerFactory.getLogger(Validator.class);

  /**
   * Architectures of Musket's segmentation pipeline: a headerless config naming one is not ours.
   */
  private static final Set<String> SEGMENTATION_ARCHITECTURES =
      Set.of("unet", "fpn", "linknet", "pspnet", "deeplabv3");

  private static final List<ConfigCheck> CHECKS =
      List.of(
          new MultiOutputCheck(),
          new MonitoredMetricCheck(),
          new CallbackArgumentsCheck(),
          new StageFreezeCheck(),
          new SoftmaxSingleClassCheck(),
          new CropsShapeCheck(),
          new ClippingCheck(),
          new ExtraTrainDataCheck());

  private final Schema schema;
  private final ProjectNames project;

  public Validator(Schema schema, ProjectNames project) {
    this.schema = schema;
    this.project = project;
  }

  /** For a config on its own: names that project code could define are only warnings. */
  public static Validator standalone() {
    return new Validator(Schema.classification(), ProjectNames.standalone());
  }

  public List<Diagnostic> validate(ConfigDocument doc) {
    DiagnosticSink sink = new DiagnosticSink();
    try {
      Optional<Diagnostic> dialect = unsupportedDialect(doc);
      if (dialect.isPresent()) {
        return List.of(dialect.get()); // one clear diagnostic, not a flood of unknown keys
      }
      sink.addAll(doc.readProblems());
      if (doc.root() == null) {
        if (!sink.hasErrors()) {
          sink.add(
              doc.file(),
              "",
              SourcePosition.START,
              Severity.ERROR,
              "the config is empty; a classification config needs at least architecture, classes,"
                  + " activation, shape and stages");
        }
        return sink.sorted();
      }
      if (!(doc.root() instanceof ConfigNode.Mapping root)) {
        sink.error(
            doc.root(),
            "a config is a map of `key: value` lines, but this file holds "
                + doc.root().describeKind());
        return sink.sorted();
      }
      new StructuralValidator(schema, project, sink).validateRoot(root);
      if (!sink.hasErrors()) {
        CheckContext context = new CheckContext(root, schema, project, sink);
        CHECKS.forEach(check -> check.check(context));
      }
    } catch (RuntimeException e) {
      // A bug, not bad input: say so instead of crashing the caller (the editor, a batch of files).
      log.error("validator failed on {}", doc.file(), e);
      sink.add(
          doc.file(),
          "",
          SourcePosition.START,
          Severity.ERROR,
          "internal error while validating (please report it): " + e);
    }
    return sink.sorted();
  }

  private Optional<Diagnostic> unsupportedDialect(ConfigDocument doc) {
    if (doc.hasHeader()) {
      Optional<Dialect> dialect = Dialect.fromHeaderWord(doc.headerWord());
      if (dialect.isEmpty()) {
        return Optional.of(
            Diagnostic.error(
                doc.file(),
                "",
                doc.headerPosition(),
                "unknown Musket dialect '"
                    + doc.headerWord()
                    + "'; this workbench reads '"
                    + Dialect.CLASSIFICATION.header()
                    + "' configs"));
      }
      if (dialect.get() != Dialect.CLASSIFICATION) {
        return Optional.of(
            notSupported(doc, dialect.get(), doc.headerPosition(), "its header says so"));
      }
      return Optional.empty();
    }
    if (!(doc.root() instanceof ConfigNode.Mapping root)) {
      return Optional.empty();
    }
    Optional<ConfigNode.Entry> declarations =
        root.entries().stream().filter(e -> e.key().equals("declarations")).findFirst();
    if (declarations.isPresent()) {
      return Optional.of(
          notSupported(
              doc, Dialect.GENERIC, declarations.get().keyPosition(), "it has 'declarations'"));
    }
    for (ConfigNode.Entry e : root.entries()) {
      boolean segmentationArchitecture =
          e.key().equals("architecture")
              && e.value() instanceof ConfigNode.Scalar s
              && s.isString()
              && SEGMENTATION_ARCHITECTURES.contains(s.asText().toLowerCase(Locale.ROOT));
      if (segmentationArchitecture || e.key().equals("backbone")) {
        return Optional.of(
            notSupported(
                doc,
                Dialect.SEGMENTATION,
                e.keyPosition(),
                "it has no header and sets '" + e.key() + "'"));
      }
    }
    return Optional.empty();
  }

  private static Diagnostic notSupported(
      ConfigDocument doc, Dialect dialect, SourcePosition at, String why) {
    return Diagnostic.error(
        doc.file(),
        "",
        at,
        "this is a Musket "
            + dialect.title()
            + " config ("
            + why
            + "); Musket Workbench supports only the Classification dialect ('"
            + Dialect.CLASSIFICATION.header()
            + "'), so it is not checked further");
  }
}
