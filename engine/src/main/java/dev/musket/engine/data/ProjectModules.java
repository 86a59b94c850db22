package dev.musket.engine.data;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.SourcePosition;
import dev.musket.engine.config.validate.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a project's {@code modules/*.java} with the JDK compiler and registers the methods
 * annotated {@link DatasetFactory} as dataset factories.
 *
 * <p>Why compile at load time: Musket projects bring their own dataset code next to their configs;
 * compiling it against the running engine keeps "edit, then run" as short as Musket's Python
 * imports, and compile errors become diagnostics with file and line like config errors.
 */
public final class ProjectModules {
  private ProjectModules() {}

  /** Compiles and registers; returns the diagnostics (compile errors, unusable methods). */
  public static List<Diagnostic> load(Path projectDir, DatasetFactories into) {
    List<Diagnostic> problems = new ArrayList<>();
    Path modules = projectDir.resolve("modules");
    List<Path> sources = javaFiles(modules);
    if (sources.isEmpty()) {
      return problems;
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      problems.add(
          Diagnostic.error(
              sources.get(0),
              "",
              SourcePosition.START,
              "project modules need a JDK (the JDK compiler is missing from this Java runtime)"));
      return problems;
    }
    try {
      Path out = Files.createTempDirectory("musket-modules");
      if (!compile(javac, sources, out, problems)) {
        return problems;
      }
      register(out, into, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  private static List<Path> javaFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean compile(
      JavaCompiler javac, List<Path> sources, Path out, List<Diagnostic> problems)
      throws IOException {
    DiagnosticCollector<JavaFileObject> collected = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(collected, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-d", out.toString(), "-classpath", engineClasspath(), "-parameters", "-proc:none");
      boolean ok =
          javac
              .getTask(
                  null, files, collected, options, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
      for (javax.tools.Diagnostic<? extends JavaFileObject> d : collected.getDiagnostics()) {
        Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
        SourcePosition at =
            d.getLineNumber() > 0
                ? new SourcePosition(
                    (int) d.getLineNumber(), (int) Math.max(1, d.getColumnNumber()))
                : SourcePosition.START;
        String message = d.getMessage(Locale.ROOT);
        if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
          problems.add(Diagnostic.error(file, "", at, message));
        } else if (d.getKind() == javax.tools.Diagnostic.Kind.WARNING) {
          problems.add(Diagnostic.warning(file, "", at, message));
        }
      }
      return ok;
    }
  }

  /** The running class path plus the engine's own location (surefire and IDEs hide it). */
  private static String engineClasspath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c : new Class<?>[] {DataSet.class, ConfigNode.class}) {
      try {
        entries.add(
            Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException | NullPointerException e) {
        // no code source (unusual class loader): the class path below must do
      }
    }
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void register(Path out, DatasetFactories into, List<Diagnostic> problems)
      throws IOException {
    URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, ProjectModules.class.getClassLoader());
    List<String> classNames;
    try (Stream<Path> s = Files.walk(out)) {
      classNames =
          s.filter(p -> p.toString().endsWith(".class"))
              .map(p -> out.relativize(p).toString())
              .map(
                  n ->
                      n.substring(0, n.length() - ".class".length())
                          .replace(File.separatorChar, '.'))
              .sorted()
              .toList();
    }
    for (String name : classNames) {
      Class<?> type;
      try {
        type = loader.loadClass(name);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      for (Method m : type.getDeclaredMethods()) {
        DatasetFactory mark = m.getAnnotation(DatasetFactory.class);
        if (mark == null) {
          continue;
        }
        String factoryName = mark.value().isEmpty() ? m.getName() : mark.value();
        if (!Modifier.isStatic(m.getModifiers())
            || !Modifier.isPublic(m.getModifiers())
            || !DataSet.class.isAssignableFrom(m.getReturnType())) {
          problems.add(
              Diagnostic.error(
                  null,
                  "",
                  SourcePosition.START,
                  name
                      + "."
                      + m.getName()
                      + ": a @DatasetFactory must be public static and return a DataSet"));
          continue;
        }
        List<String> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
          params.add(p.getName());
        }
        into.register(factoryName, params, params, args -> invoke(m, factoryName, args));
      }
    }
  }

  private static DataSet invoke(Method m, String name, DatasetArgs args) throws IOException {
    Parameter[] ps = m.getParameters();
    Object[] values = new Object[ps.length];
    for (int i = 0; i < ps.length; i++) {
      values[i] = FactoryArguments.convert(ps[i], args);
    }
    if (args.hasErrors()) {
      return null;
    }
    try {
      return (DataSet) m.invoke(null, values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IllegalArgumentException("dataset factory '" + name + "' failed: " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("dataset factory '" + name + "' is not accessible", e);
    }
  }
}
