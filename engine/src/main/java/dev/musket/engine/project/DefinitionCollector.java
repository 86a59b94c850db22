package dev.musket.engine.project;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.musket.engine.config.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * An annotation processor run while project modules compile: it collects every method annotated
 * with an {@code dev.musket.engine.api} annotation, with its file and line, and reports misuse (not
 * public static, a loss or metric of the wrong signature, a name defined twice) as compile errors
 * at the method.
 */
@SupportedAnnotationTypes("dev.musket.engine.api.*")
final class DefinitionCollector extends AbstractProcessor {

  private final List<ModuleDefinition> definitions = new ArrayList<>();
  private Trees trees;

  List<ModuleDefinition> definitions() {
    return definitions;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = Trees.instance(env);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      String kind = annotation.getSimpleName().toString();
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (!(element instanceof ExecutableElement method)) {
          continue;
        }
        if (!method.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC))) {
          processingEnv
              .getMessager()
              .printMessage(
                  Diagnostic.Kind.ERROR,
                  "@" + kind + " methods must be public static: " + method.getSimpleName(),
                  method);
          continue;
        }
        String wrongSignature = Signatures.problem(kind, method, processingEnv);
        if (wrongSignature != null) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, wrongSignature, method);
          continue;
        }
        String name = nameOf(method, annotation);
        if (definitions.stream()
            .anyMatch(d -> d.kind().equals(kind) && d.name().equalsIgnoreCase(name))) {
          processingEnv
              .getMessager()
              .printMessage(
                  Diagnostic.Kind.ERROR, "@" + kind + " '" + name + "' is defined twice", method);
          continue;
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        definitions.add(
            new ModuleDefinition(
                kind,
                name,
                processingEnv.getElementUtils().getBinaryName(owner).toString(),
                method.getSimpleName().toString(),
                fileOf(method),
                positionOf(method)));
      }
    }
    return true;
  }

  private static String nameOf(ExecutableElement method, TypeElement annotation) {
    for (var mirror : method.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().equals(annotation)) {
        for (var e : mirror.getElementValues().entrySet()) {
          if (e.getKey().getSimpleName().contentEquals("value")) {
            String v = String.valueOf(e.getValue().getValue());
            if (!v.isBlank()) {
              return v;
            }
          }
        }
      }
    }
    return method.getSimpleName().toString();
  }

  private Path fileOf(Element e) {
    CompilationUnitTree unit = trees.getPath(e).getCompilationUnit();
    return Path.of(unit.getSourceFile().toUri());
  }

  private SourcePosition positionOf(Element e) {
    var path = trees.getPath(e);
    CompilationUnitTree unit = path.getCompilationUnit();
    Tree tree = path.getLeaf();
    SourcePositions positions = trees.getSourcePositions();
    long start = positions.getStartPosition(unit, tree);
    LineMap lines = unit.getLineMap();
    return new SourcePosition((int) lines.getLineNumber(start), (int) lines.getColumnNumber(start));
  }
}
