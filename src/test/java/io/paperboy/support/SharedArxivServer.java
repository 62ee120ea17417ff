package io.paperboy.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * One local server playing arXiv's API for the whole test run, so that every test class that
 * talks to "arXiv" can share one application context: a per-class server would give each class
 * its own port, hence its own configuration and its own context. It starts on a free loopback port
 * the first time a context asks for its address and stays up until the JVM ends; the extension
 * forgets its script and its requests before each test, so a test scripts it from nothing:
 * <pre>
 * SharedArxivServer.get().when((request) -&gt; ...).thenRespond(200, headers, body);
 * </pre>
 * {@link Configuration} points {@code paperboy.sources.arxiv.api-url} at it; {@link ServerTest}
 * imports it.
 */
public final class SharedArxivServer implements BeforeEachCallback {

	/** The server, started on first use: the same one the {@link WebTest}s talk to ({@link TestHttpServers}). */
	public static ScriptedHttpServer get() {
		return TestHttpServers.arxiv();
	}

	/** Forgets what the previous test scripted and what it received. */
	@Override
	public void beforeEach(ExtensionContext context) {
		get().reset();
	}

	/**
	 * Points the arXiv sources at the shared server. Not annotated, so that only the tests that
	 * import it get it.
	 */
	public static class Configuration {

		@Bean
		static DynamicPropertyRegistrar sharedArxivServer() {
			return (registry) -> registry.add("paperboy.sources.arxiv.api-url",
					() -> get().uri("/api/query").toString());
		}

	}

}
