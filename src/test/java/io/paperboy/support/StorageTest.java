package io.paperboy.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of what the application stores, without a web server: the whole application on the
 * embedded H2 database, with a {@link MutableClock} (set to {@link MutableClock.Configuration#START}
 * before each test) and no cache of the trending lists. Every test so annotated shares one
 * application context, so a test empties the tables it uses before it starts. Add
 * {@link PostgresDatabase} to run the same on PostgreSQL (again one context for all).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "paperboy.feed.cache-ttl=0s")
@Import(MutableClock.Configuration.class)
@ExtendWith(ResetClock.class)
public @interface StorageTest {

}
