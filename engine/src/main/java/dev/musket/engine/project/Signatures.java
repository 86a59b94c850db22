package dev.musket.engine.project;

import java.util.List;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The signatures the engine accepts for annotated methods whose types it can check while the
 * modules compile (losses, metrics and callbacks), so that a wrong one is an error at the method's
 * line in the editor and in {@code musket validate}, not an exception in the middle of training.
 * Dataset factories, architectures and tasks accept several shapes and are checked when they are
 * registered.
 */
final class Signatures {

  static final String LOSS_FUNCTION = "org.nd4j.linalg.lossfunctions.ILossFunction";
  static final String INDARRAY = "org.nd4j.linalg.api.ndarray.INDArray";
  static final String TRAINING_CALLBACK = "dev.musket.engine.train.callbacks.TrainingCallback";

  private Signatures() {}

  /** What is wrong with {@code method} as a {@code kind}, or {@code null} when it fits. */
  static String problem(String kind, ExecutableElement method, ProcessingEnvironment env) {
    return switch (kind) {
      case "Loss" -> loss(method, env);
      case "Metric" -> metric(method, env);
      case "Callback" -> callback(method, env);
      default -> null;
    };
  }

  private static String loss(ExecutableElement method, ProcessingEnvironment env) {
    TypeElement loss = env.getElementUtils().getTypeElement(LOSS_FUNCTION);
    boolean returnsLoss =
        loss != null
            && env.getTypeUtils()
                .isAssignable(method.getReturnType(), env.getTypeUtils().erasure(loss.asType()));
    if (method.getParameters().isEmpty() && returnsLoss) {
      return null;
    }
    String name = method.getSimpleName().toString();
    return "@Loss "
        + name
        + " must be 'public static ILossFunction "
        + name
        + "()' ("
        + LOSS_FUNCTION
        + ", e.g. a subclass of dev.musket.engine.train.loss.KerasLoss); it is '"
        + describe(method)
        + "'";
  }

  private static String metric(ExecutableElement method, ProcessingEnvironment env) {
    List<? extends VariableElement> ps = method.getParameters();
    boolean twoArrays =
        ps.size() == 2
            && sameType(ps.get(0).asType(), ps.get(1).asType(), env)
            && (isIndArray(ps.get(0).asType(), env) || isDoubleMatrix(ps.get(0).asType()));
    if (twoArrays && method.getReturnType().getKind() == TypeKind.DOUBLE) {
      return null;
    }
    String name = method.getSimpleName().toString();
    return "@Metric "
        + name
        + " must be 'public static double "
        + name
        + "(INDArray yTrue, INDArray yPred)' or 'public static double "
        + name
        + "(double[][] yTrue, double[][] yPred)'; it is '"
        + describe(method)
        + "'";
  }

  private static String callback(ExecutableElement method, ProcessingEnvironment env) {
    TypeElement callback = env.getElementUtils().getTypeElement(TRAINING_CALLBACK);
    boolean returnsCallback =
        callback != null
            && env.getTypeUtils().isAssignable(method.getReturnType(), callback.asType());
    List<? extends VariableElement> ps = method.getParameters();
    boolean argumentsFit =
        ps.isEmpty()
            || (ps.size() == 1
                && env.getTypeUtils()
                    .erasure(ps.get(0).asType())
                    .toString()
                    .equals("java.util.Map"));
    if (returnsCallback && argumentsFit) {
      return null;
    }
    String name = method.getSimpleName().toString();
    return "@Callback "
        + name
        + " must be 'public static TrainingCallback "
        + name
        + "(Map<String, Object> args)' or 'public static TrainingCallback "
        + name
        + "()' ("
        + TRAINING_CALLBACK
        + "); it is '"
        + describe(method)
        + "'";
  }

  private static boolean sameType(TypeMirror a, TypeMirror b, ProcessingEnvironment env) {
    return env.getTypeUtils().isSameType(a, b);
  }

  private static boolean isIndArray(TypeMirror type, ProcessingEnvironment env) {
    TypeElement array = env.getElementUtils().getTypeElement(INDARRAY);
    return array != null && env.getTypeUtils().isSameType(type, array.asType());
  }

  private static boolean isDoubleMatrix(TypeMirror type) {
    return type.toString().equals("double[][]");
  }

  /** {@code double m(double[])}: the signature as written, with simple type names. */
  private static String describe(ExecutableElement method) {
    return simple(method.getReturnType())
        + " "
        + method.getSimpleName()
        + "("
        + method.getParameters().stream()
            .map(p -> simple(p.asType()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String simple(TypeMirror type) {
    return type.toString().replaceAll("\\b[a-z][\\w]*\\.", "");
  }
}
