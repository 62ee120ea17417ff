package io.paperboy.support;

/**
 * The web servers that play the sources for every {@link WebTest}: one {@link ScriptedHttpServer}
 * for the whole test run, started on a free loopback port when first asked for, which
 * {@link TestServers} makes the application's arXiv API ({@code paperboy.sources.arxiv.api-url}).
 * With no rule it answers 404; {@link ResetServers} forgets the rules and requests before each test,
 * so a test scripts arXiv's answers and counts requests from nothing.
 */
public final class TestHttpServers {

	private TestHttpServers() {
	}

	/** The shared arXiv API: the application asks {@code arxiv().uri("/api/query")}. */
	public static ScriptedHttpServer arxiv() {
		return Holder.ARXIV;
	}

	private static final class Holder {

		static final ScriptedHttpServer ARXIV = ScriptedHttpServer.start();

	}

}
