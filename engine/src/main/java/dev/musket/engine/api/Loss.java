package dev.musket.engine.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method of project code (`<project>/modules/*.java`) as a loss, usable in
 * `loss:` and in composite expressions.
 *
 * <p>The name a config uses is {@link #value()}, or the method's name when that is empty; names are
 * matched case-insensitively, as Musket matched them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Loss {
  /** The name configs use; the method's name when empty. */
  String value() default "";
}
