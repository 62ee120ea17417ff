package io.paperboy.ingest.arxiv;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Atom pages in the form of arXiv's API, written by hand for the cases no recording shows. */
public final class HandMadeFeeds {

	private HandMadeFeeds() {
	}

	/** A page of a search with {@code total} results, starting at {@code start}. */
	public static String page(long total, long start, String... entries) {
		return """
				<?xml version='1.0' encoding='UTF-8'?>
				<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
				  <id>https://arxiv.org/api/hand-made</id>
				  <title>arXiv Query</title>
				  <updated>2024-03-10T12:00:00Z</updated>
				  <opensearch:itemsPerPage>%d</opensearch:itemsPerPage>
				  <opensearch:totalResults>%d</opensearch:totalResults>
				  <opensearch:startIndex>%d</opensearch:startIndex>
				%s</feed>
				""".formatted(entries.length, total, start, Arrays.stream(entries).collect(Collectors.joining()));
	}

	/** An entry first submitted at {@code submitted}, in version {@code version}. */
	public static String entry(String id, int version, String submitted) {
		return entry(id, version, submitted, "cs.CL");
	}

	static String entry(String id, int version, String submitted, String category) {
		Instant published = Instant.parse(submitted);
		return """
				  <entry>
				    <id>http://arxiv.org/abs/%sv%d</id>
				    <title>Paper %s</title>
				    <updated>%s</updated>
				    <link href="https://arxiv.org/abs/%sv%d" rel="alternate" type="text/html"/>
				    <link href="https://arxiv.org/pdf/%sv%d" rel="related" type="application/pdf" title="pdf"/>
				    <summary>The abstract of %s, version %d.</summary>
				    <category term="%s" scheme="http://arxiv.org/schemas/atom"/>
				    <published>%s</published>
				    <arxiv:primary_category term="%s"/>
				    <author><name>Ada Lovelace</name><arxiv:affiliation>Analytical Engines</arxiv:affiliation></author>
				  </entry>
				""".formatted(id, version, id, published.plusSeconds(86_400L * (version - 1)), id, version, id, version,
				id, version, category, published, category);
	}

	/** An entry whose id is not an arXiv id. */
	static String entryWithId(String id, String submitted) {
		return entry("2401.00000", 1, submitted).replace("http://arxiv.org/abs/2401.00000v1", id);
	}

}
