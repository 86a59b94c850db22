package dev.musket.engine.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Turns a public static method of project code into a {@link ModelBuilder}, so the project-modules
 * mechanism (methods marked {@code @Architecture}) can call {@link ModelRegistry#register}.
 *
 * <p>Two signatures are accepted, the first for a backbone written with this engine's layer DSL,
 * the second for a method that hands over a whole builder (with its own input size limits):
 *
 * <pre>
 * public static String myNet(LayerGraph graph, String input)   // returns the last vertex
 * public static ModelBuilder myNet()
 * </pre>
 */
public final class StaticMethodBuilder {

  private StaticMethodBuilder() {}

  /** The builder behind {@code method}; a wrong signature is refused with the accepted ones. */
  public static ModelBuilder of(Method method) {
    if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())) {
      throw refuse(method, "is not public static");
    }
    Class<?>[] parameters = method.getParameterTypes();
    if (Arrays.equals(parameters, new Class<?>[] {LayerGraph.class, String.class})
        && method.getReturnType() == String.class) {
      return (graph, input) -> (String) invoke(method, graph, input);
    }
    if (parameters.length == 0 && ModelBuilder.class.isAssignableFrom(method.getReturnType())) {
      ModelBuilder builder = (ModelBuilder) invoke(method);
      if (builder == null) {
        throw refuse(method, "returned no builder");
      }
      return builder;
    }
    throw refuse(method, "has an unsupported signature");
  }

  private static Object invoke(Method method, Object... arguments) {
    try {
      return method.invoke(null, arguments);
    } catch (IllegalAccessException e) {
      throw refuse(method, "cannot be called: " + e.getMessage());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(
          "architecture method " + method.getName() + " failed: " + cause, cause);
    }
  }

  private static IllegalArgumentException refuse(Method method, String why) {
    return new IllegalArgumentException(
        "architecture method "
            + method.getDeclaringClass().getSimpleName()
            + "."
            + method.getName()
            + " "
            + why
            + "; write it as 'public static String "
            + method.getName()
            + "(LayerGraph graph, String input)' or 'public static ModelBuilder "
            + method.getName()
            + "()'");
  }
}
