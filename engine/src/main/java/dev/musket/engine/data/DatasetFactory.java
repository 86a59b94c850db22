package dev.musket.engine.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method in a project's {@code modules/*.java} as a dataset factory, usable
 * in configs as {@code dataset: {name: [args]}} (Musket's functions returning a DataSet).
 *
 * <p>The method returns a {@link DataSet}; its parameters are the factory's arguments, by position
 * or by name, of type {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean},
 * {@code java.nio.file.Path} (resolved against the project folder), {@code List<String>} or {@code
 * ConfigNode} (the raw value).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DatasetFactory {
  /** The name configs use; the method's name when empty. */
  String value() default "";
}
