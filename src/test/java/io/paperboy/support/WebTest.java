package io.paperboy.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A test of pages and API answers through MockMvc: the whole application on the embedded H2
 * database, with a {@link MutableClock} set to {@link MutableClock.Configuration#START} before each
 * test, and one attempt per outgoing HTTP request (the sources point at closed local ports unless a
 * test points them at its own server). Every test so annotated shares one application context, so
 * a test empties the tables it uses before it starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = "paperboy.sources.http.max-attempts=1")
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
@ExtendWith(ResetClock.class)
public @interface WebTest {

}
