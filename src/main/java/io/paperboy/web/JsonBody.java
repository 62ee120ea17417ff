package io.paperboy.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an API controller's callers are told when the body they sent cannot be read (400) or is not
 * JSON (415). {@link ErrorHandling} answers both for every controller; this only names the words,
 * so that a script's author sees an example of the body the address takes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonBody {

	/** The detail of the 400 problem for a body that is not the JSON this address reads. */
	String unreadable();

	/** The detail of the 415 problem for a body of another type; empty for the usual words. */
	String unsupported() default "";

}
