package dev.musket.engine.project;

import dev.musket.engine.config.SourcePosition;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.config.validate.ProjectNames;
import dev.musket.engine.config.validate.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A project's code, {@code <project>/modules/*.java}, compiled at load time with the JDK's compiler
 * against the engine API. Methods annotated with {@code dev.musket.engine.api} annotations become
 * names configs can use; compile errors are {@link Diagnostic}s with file, line and column.
 *
 * <p>Classes go to {@code <project>/.musket/classes}; they are recompiled only when a source file
 * is newer than the last compilation.
 */
public final class ProjectModules {

  private final Path project;
  private final List<ModuleDefinition> definitions;
  private final List<Diagnostic> problems;
  private final Path classes;
  private volatile URLClassLoader loader;

  /** The last compilation of each project, valid while its sources stamp is unchanged. */
  private static final java.util.Map<Path, Compiled> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record Compiled(String stamp, ProjectModules modules) {}

  private ProjectModules(
      Path project, List<ModuleDefinition> definitions, List<Diagnostic> problems, Path classes) {
    this.project = project;
    this.definitions = List.copyOf(definitions);
    this.problems = List.copyOf(problems);
    this.classes = classes;
  }

  /**
   * The project's compiled modules (no modules: an empty, successful result), compiling them only
   * when a source was added, removed or edited since the last call.
   */
  public static ProjectModules compile(Path project) {
    Path key = project.toAbsolutePath().normalize();
    String stamp = sourcesStamp(key);
    Compiled last = CACHE.get(key);
    if (last != null && last.stamp().equals(stamp)) {
      return last.modules();
    }
    synchronized (ProjectModules.class) {
      last = CACHE.get(key);
      if (last == null || !last.stamp().equals(stamp)) {
        last = new Compiled(stamp, compileNow(key));
        CACHE.put(key, last);
      }
      return last.modules();
    }
  }

  private static ProjectModules compileNow(Path project) {
    List<Path> sources = sources(project);
    Path classes = project.resolve(".musket/classes");
    if (sources.isEmpty()) {
      return new ProjectModules(project, List.of(), List.of(), classes);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return new ProjectModules(
          project,
          List.of(),
          List.of(
              Diagnostic.error(
                  sources.get(0),
                  "",
                  SourcePosition.START,
                  "project modules need a JDK to compile, but this Java runtime has no compiler;"
                      + " run with a JDK 17")),
          classes);
    }
    try {
      deleteTree(classes);
      Files.createDirectories(classes);
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      DefinitionCollector definitions = new DefinitionCollector();
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options =
            List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "--release",
                "17",
                "-parameters");
        JavaCompiler.CompilationTask task =
            javac.getTask(
                null, files, collector, options, null, files.getJavaFileObjectsFromPaths(sources));
        task.setProcessors(List.of(definitions));
        task.call();
      }
      List<Diagnostic> problems = new ArrayList<>();
      for (var d : collector.getDiagnostics()) {
        if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR
            || d.getKind() == javax.tools.Diagnostic.Kind.WARNING
            || d.getKind() == javax.tools.Diagnostic.Kind.MANDATORY_WARNING) {
          problems.add(toDiagnostic(d));
        }
      }
      return new ProjectModules(project, definitions.definitions(), problems, classes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile the modules of " + project, e);
    }
  }

  /** Changes whenever a module source is added, removed or edited: the key of compile()'s cache. */
  static String sourcesStamp(Path project) {
    StringBuilder stamp = new StringBuilder();
    for (Path p : sources(project)) {
      try {
        stamp
            .append(p)
            .append('@')
            .append(Files.getLastModifiedTime(p).toMillis())
            .append('/')
            .append(Files.size(p))
            .append(';');
      } catch (IOException e) {
        stamp.append(p).append("@?;");
      }
    }
    return stamp.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static List<Path> sources(Path project) {
    Path modules = project.resolve("modules");
    if (!Files.isDirectory(modules)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(modules)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Diagnostic toDiagnostic(javax.tools.Diagnostic<? extends JavaFileObject> d) {
    Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
    int line = (int) Math.max(1, d.getLineNumber());
    int column = (int) Math.max(1, d.getColumnNumber());
    Severity severity =
        d.getKind() == javax.tools.Diagnostic.Kind.ERROR ? Severity.ERROR : Severity.WARNING;
    String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
    return new Diagnostic(file, "", new SourcePosition(line, column), severity, message);
  }

  public boolean compiled() {
    return problems.stream().noneMatch(Diagnostic::isError);
  }

  /** Compile errors and warnings, with file, line and column. */
  public List<Diagnostic> problems() {
    return problems;
  }

  public List<ModuleDefinition> definitions() {
    return definitions;
  }

  /** The names configs may use, for validation inside this project. */
  public ProjectNames names() {
    Map<ProjectNames.Kind, Set<String>> names = new EnumMap<>(ProjectNames.Kind.class);
    for (ModuleDefinition d : definitions) {
      ProjectNames.Kind kind =
          switch (d.kind()) {
            case "DatasetFactory" -> ProjectNames.Kind.DATASET_FACTORY;
            case "Metric" -> ProjectNames.Kind.METRIC;
            case "Loss" -> ProjectNames.Kind.LOSS;
            case "Architecture" -> ProjectNames.Kind.ARCHITECTURE;
            case "Callback" -> ProjectNames.Kind.CALLBACK;
            default -> null;
          };
      if (kind != null) {
        names.computeIfAbsent(kind, k -> new HashSet<>()).add(d.name());
      }
    }
    return ProjectNames.of(project, names);
  }

  /**
   * The public static method a definition names, loaded from the compiled modules: the one called
   * {@code d.methodName()} that carries {@code annotation} and takes {@code parameterCount}
   * parameters. The definitions were checked when collected, so a failure here means the modules
   * changed under a running engine; the message names the method and where it is.
   */
  public Method method(
      ModuleDefinition d, Class<? extends Annotation> annotation, int parameterCount) {
    String what = "@" + annotation.getSimpleName() + " " + d.methodName() + " (" + d.where() + ")";
    try {
      Class<?> type = Class.forName(d.className(), true, classLoader());
      for (Method m : type.getMethods()) {
        if (m.getName().equals(d.methodName())
            && m.isAnnotationPresent(annotation)
            && m.getParameterCount() == parameterCount) {
          return m;
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(what + " cannot be loaded: " + e, e);
    }
    throw new IllegalStateException(what + " not found");
  }

  /**
   * The class loader over the compiled modules, one per compilation, whose parent is the engine's,
   * so project code sees the engine API and the engine calls project code. It lives as long as the
   * modules; callers do not close it.
   */
  public ClassLoader classLoader() {
    URLClassLoader l = loader;
    if (l == null) {
      synchronized (this) {
        l = loader;
        if (l == null) {
          try {
            l =
                loader =
                    new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, ProjectModules.class.getClassLoader());
          } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return l;
  }
}
