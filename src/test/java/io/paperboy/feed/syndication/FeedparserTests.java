package io.paperboy.feed.syndication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.support.TestPapers;
import io.paperboy.web.SiteProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our feeds read by an independent parser: Python's feedparser (Debian's {@code python3-feedparser},
 * run with Debian's {@code /usr/bin/python3}), which also guesses, as many readers do, whether an
 * RSS title is text or HTML. Skipped, with a message, where it is not installed.
 */
class FeedparserTests {

	private static final String PYTHON = "/usr/bin/python3";

	/** Prints, for each feed file named, what feedparser made of it, as JSON. */
	private static final String READ_FEEDS = """
			import calendar, json, sys
			import feedparser
			def when(parsed):
			    return calendar.timegm(parsed) if parsed else None
			out = []
			for path in sys.argv[1:]:
			    d = feedparser.parse(path)
			    out.append({
			        "bozo": bool(d.bozo), "version": d.version,
			        "title": d.feed.get("title"),
			        "links": [[l.get("rel"), l.get("href")] for l in d.feed.get("links", [])],
			        "entries": [{
			            "title": e.get("title"), "titleType": e.title_detail.type,
			            "summary": e.get("summary"), "summaryType": e.summary_detail.type,
			            "link": e.get("link"), "id": e.get("id"), "guidIsLink": e.get("guidislink"),
			            "authors": [a.get("name") for a in e.get("authors", [])],
			            "published": when(e.get("published_parsed")),
			        } for e in d.entries],
			    })
			print(json.dumps(out))
			""";

	private static final String TITLE = "<script>alert(1)</script> $\\alpha$ & co";

	private static final String SUMMARY = "An <b>abstract</b> with <img src=x onerror=alert(2)> & \"quotes\", 1 < 2.";

	private static final Instant LISTED_AT = Instant.parse("2025-06-02T03:18:21Z");

	@TempDir
	Path folder;

	@BeforeEach
	void feedparserIsInstalled() throws InterruptedException {
		assumeTrue(succeeds(PYTHON, "-c", "import feedparser"),
				"python3-feedparser is not installed (apt-get install -y python3-feedparser): not cross-checking the feeds");
	}

	@Test
	void feedparserReadsEveryFieldOfBothFormatsAsWritten() throws Exception {
		Paper paper = TestPapers.paper("2506.00001")
			.withTitle(TITLE)
			.withSummary(SUMMARY)
			.withAuthors("Ada <Lovelace>", "Alan & Turing")
			.build();
		List<PaperListing> listings = List.of(new PaperListing(paper,
				new DailyEntry(paper.id(), LocalDate.of(2025, 6, 2), LISTED_AT, null, null, List.of(), null, null), null));
		FeedWriter writer = new FeedWriter(new SiteProperties(null, "https://papers.example.org"));
		FeedChannel channel = FeedChannel.day(LocalDate.of(2025, 6, 2));
		Path rss = Files.write(this.folder.resolve("feed.xml"), writer.write(FeedFormat.RSS, channel, listings));
		Path atom = Files.write(this.folder.resolve("feed.atom"), writer.write(FeedFormat.ATOM, channel, listings));

		JsonNode feeds = read(rss, atom);

		assertThat(feeds.get(0).get("version").asString()).isEqualTo("rss20");
		assertThat(feeds.get(1).get("version").asString()).isEqualTo("atom10");
		for (JsonNode feed : feeds) {
			assertThat(feed.get("bozo").asBoolean()).as("well-formed").isFalse();
			assertThat(feed.get("title").asString()).isEqualTo("Paperboy: papers of Monday, June 2, 2025");
			assertThat(feed.get("links").toString()).contains("https://papers.example.org/papers/date/2025-06-02\"")
				.contains("[\"self\",\"https://papers.example.org/papers/date/2025-06-02/feed.");
			JsonNode entry = feed.get("entries").get(0);
			assertThat(entry.get("title").asString()).isEqualTo(TITLE);
			assertThat(entry.get("titleType").asString()).isEqualTo("text/plain");
			assertThat(entry.get("link").asString()).isEqualTo("https://papers.example.org/papers/2506.00001");
			assertThat(entry.get("id").asString()).isEqualTo("https://arxiv.org/abs/2506.00001");
			assertThat(entry.get("guidIsLink").asBoolean()).isFalse();
			assertThat(entry.get("authors").toString()).isEqualTo("[\"Ada <Lovelace>\",\"Alan & Turing\"]");
			assertThat(entry.get("published").asLong()).isEqualTo(LISTED_AT.getEpochSecond());
		}
		JsonNode rssEntry = feeds.get(0).get("entries").get(0);
		JsonNode atomEntry = feeds.get(1).get("entries").get(0);
		// an RSS description is HTML to every reader: ours is the abstract, escaped, so it shows as text
		assertThat(rssEntry.get("summaryType").asString()).isEqualTo("text/html");
		assertThat(rssEntry.get("summary").asString()).doesNotContain("<");
		assertThat(HtmlUtils.htmlUnescape(rssEntry.get("summary").asString())).isEqualTo(SUMMARY);
		assertThat(atomEntry.get("summaryType").asString()).isEqualTo("text/plain");
		assertThat(atomEntry.get("summary").asString()).isEqualTo(SUMMARY);
	}

	private static JsonNode read(Path... feeds) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(PYTHON, "-c", READ_FEEDS));
		for (Path feed : feeds) {
			command.add(feed.toString());
		}
		Process python = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		byte[] output = python.getInputStream().readAllBytes();
		assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(python.exitValue()).as("feedparser's exit code").isZero();
		return JsonMapper.builder().build().readTree(new String(output, StandardCharsets.UTF_8));
	}

	private static boolean succeeds(String... command) throws InterruptedException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
