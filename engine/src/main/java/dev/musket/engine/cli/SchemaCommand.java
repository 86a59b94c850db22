package dev.musket.engine.cli;

import dev.musket.engine.config.schema.JsonSchemaExporter;
import dev.musket.engine.config.schema.ReferenceDocWriter;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code musket schema [--out FILE]}: the config language as JSON Schema (or as Markdown). */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema (draft 2020-12) of the classification config, for editors such as"
          + " VS Code's YAML extension.",
      "With --reference, print the Markdown reference (docs/config-reference.md) instead."
    })
final class SchemaCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path out;

  @Option(names = "--reference", description = "The Markdown reference instead of JSON Schema.")
  boolean reference;

  @Override
  public Integer call() throws IOException {
    Schema schema = Schema.classification();
    String text =
        reference
            ? new ReferenceDocWriter(schema).write()
            : new JsonSchemaExporter(schema).export();
    if (out == null) {
      System.out.print(text);
    } else {
      AtomicFiles.writeString(out, text);
      System.err.println("wrote " + out);
    }
    return 0;
  }
}
