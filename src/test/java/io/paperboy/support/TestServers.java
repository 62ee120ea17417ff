package io.paperboy.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application of every {@link WebTest} at the test run's shared servers, before its
 * configuration is read (so that {@code spring.mail.host} makes Spring Boot's mail sender): mail
 * goes to {@link TestSmtp#relay()}, arXiv's API is {@link TestHttpServers#arxiv()}. One initializer
 * class for all, so that every {@code @WebTest} class keeps sharing one application context.
 */
public class TestServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + TestSmtp.relay().port(),
					"paperboy.sources.arxiv.api-url=" + TestHttpServers.arxiv().uri("/api/query"))
			.applyTo(context);
	}

}
