package io.paperboy.ingest.arxiv;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.PaperVersion;
import io.paperboy.ingest.arxiv.RecordedResponses.Recorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomFeedParserTests {

	/** Entries per recorded answer, counted in the files themselves. */
	private static final Map<String, Integer> ENTRIES = new TreeMap<>(Map.ofEntries(
			Map.entry("id_0000.0000_", 0), Map.entry("id_0808.05394_1707.08567_", 1),
			Map.entry("id_0808.05394_s0", 0), Map.entry("id_1605.08386_", 1), Map.entry("id_1707.08567_", 1),
			Map.entry("id_2104.12255v1_", 1), Map.entry("id_astro-ph_0601001_", 1),
			Map.entry("id_quant-ph_0201082v1_", 1), Map.entry("q_testing_s0_m100_", 100),
			Map.entry("q_testing_s0_m10_", 10), Map.entry("q_testing_s0_m15_", 15),
			Map.entry("q_testing_s10_m10_", 10), Map.entry("q_testing_s20_m10_", 10),
			Map.entry("q_testing_s30_m10_", 10), Map.entry("q_testing_s40_m10_", 10),
			Map.entry("q_testing_s50_m10_", 10), Map.entry("q_testing_s5_m10_", 10),
			Map.entry("q_testing_s5_m15_", 15), Map.entry("q_testing_s9_m15_", 15)));

	@Test
	void everyRecordedAnswerIsReadWithItsExactNumberOfEntries() {
		List<Recorded> all = RecordedResponses.all();
		assertThat(all).hasSize(20);
		int total = 0;
		for (Recorded recorded : all) {
			if (recorded.status() == 400) {
				assertThatThrownBy(() -> AtomFeedParser.parse(recorded.body(), recorded.status()))
					.isInstanceOf(ArxivApiException.class);
				total += 1;
				continue;
			}
			ArxivFeed feed = AtomFeedParser.parse(recorded.body(), recorded.status());
			int expected = ENTRIES.entrySet()
				.stream()
				.filter((entry) -> recorded.file().startsWith(entry.getKey()))
				.mapToInt(Map.Entry::getValue)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no expected count for " + recorded.file()));
			assertThat(feed.entries()).as(recorded.file()).hasSize(expected);
			assertThat(feed.rejected()).as(recorded.file()).isEmpty();
			assertThat(feed.entries()).as(recorded.file())
				.allSatisfy((entry) -> {
					ArxivRecord record = entry.record();
					assertThat(record.title()).isNotBlank();
					assertThat(record.summary()).isNotBlank();
					assertThat(record.authors()).isNotEmpty();
					assertThat(record.categories()).isNotEmpty().doesNotHaveDuplicates();
					assertThat(record.updatedAt()).isAfterOrEqualTo(record.publishedAt());
					assertThat(entry.abstractPage()).isNotNull();
					assertThat(entry.pdf()).isNotNull();
				});
			total += feed.entries().size();
		}
		assertThat(total).isEqualTo(222);
	}

	@Test
	void anEntryCarriesEverythingArxivSaysAboutThePaper() {
		ArxivFeed feed = parse("q_testing_s0_m10_");
		ArxivEntry first = feed.entries().get(0);
		ArxivRecord record = first.record();

		assertThat(record.id()).isEqualTo("2202.12139");
		assertThat(record.version()).isEqualTo(1);
		assertThat(record.title())
			.isEqualTo("Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques");
		assertThat(record.summary()).startsWith("Deep Learning (DL) has revolutionized").endsWith("discuss its results.");
		assertThat(record.authors()).extracting(Author::name)
			.containsExactly("Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker");
		assertThat(record.categories()).containsExactly("cs.SE", "cs.LG");
		assertThat(record.publishedAt()).isEqualTo(Instant.parse("2022-02-24T15:05:19Z"));
		assertThat(record.updatedAt()).isEqualTo(Instant.parse("2022-02-24T15:05:19Z"));
		assertThat(record.comment()).isEqualTo("Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022");
		assertThat(record.journalRef()).startsWith("Artificial Intelligence in Software Testing @ 2022 IEEE");
		assertThat(record.doi()).isEqualTo("10.1109/ICSTW55395.2022.00035");
		assertThat(record.license()).isNull();
		assertThat(record.versions()).containsExactly(new PaperVersion(1, Instant.parse("2022-02-24T15:05:19Z"), null));
		assertThat(first.abstractPage()).isEqualTo(URI.create("https://arxiv.org/abs/2202.12139v1"));
		assertThat(first.pdf()).isEqualTo(URI.create("https://arxiv.org/pdf/2202.12139v1"));
		assertThat(first.doiLink()).isEqualTo(URI.create("https://doi.org/10.1109/ICSTW55395.2022.00035"));
	}

	@Test
	void anOldStyleIdIsReadWithTheAuthorsAffiliationsAndJournalReference() {
		ArxivRecord record = single("id_astro-ph_0601001_");

		assertThat(record.id()).isEqualTo("astro-ph/0601001");
		assertThat(record.version()).isEqualTo(1);
		assertThat(record.categories()).containsExactly("astro-ph");
		assertThat(record.authors()).containsExactly(Author.fromArxiv("Andrew Gould", List.of("Ohio State")),
				Author.fromArxiv("Susan Dorsher", List.of("Ohio State")),
				Author.fromArxiv("B. Scott Gaudi", List.of("CfA")),
				Author.fromArxiv("Andrzej Udalski", List.of("Warsaw University Observatory")));
		assertThat(record.journalRef()).isEqualTo("ActaAstron.56:1-50,2006");
		assertThat(record.comment()).startsWith("62 pages including 16 figures and 9 tables.");
		assertThat(record.doi()).isNull();
		// arXiv's wrapping leaves leading spaces on old abstracts; entities are decoded
		assertThat(record.summary()).startsWith("We derive the frequencies").contains("Gould & Morgan (2003)")
			.contains("V_max<17.5");
	}

	@Test
	void aLaterVersionKeepsVersionOnesDateFromPublished() {
		ArxivRecord record = parse("q_testing_s0_m100_").entries()
			.stream()
			.map(ArxivEntry::record)
			.filter((candidate) -> candidate.id().equals("hep-ph/0301050"))
			.findFirst()
			.orElseThrow();

		assertThat(record.version()).isEqualTo(2);
		assertThat(record.publishedAt()).isEqualTo(Instant.parse("2003-01-08T20:15:43Z"));
		assertThat(record.updatedAt()).isEqualTo(Instant.parse("2003-06-30T03:20:20Z"));
		assertThat(record.versions()).containsExactly(new PaperVersion(1, Instant.parse("2003-01-08T20:15:43Z"), null),
				new PaperVersion(2, Instant.parse("2003-06-30T03:20:20Z"), null));
		assertThat(record.doi()).isEqualTo("10.1016/j.physletb.2003.08.045");
		assertThat(record.journalRef()).isEqualTo("Phys.Lett.B573:94-100,2003");
	}

	@Test
	void aLookUpByVersionedOldStyleIdIsRead() {
		ArxivRecord record = single("id_quant-ph_0201082v1_");

		assertThat(record.id()).isEqualTo("quant-ph/0201082");
		assertThat(record.version()).isEqualTo(1);
		assertThat(record.categories().get(0)).isEqualTo("quant-ph");
	}

	@Test
	void affiliationsOfSomeAuthorsOnlyAreKeptWithThoseAuthors() {
		ArxivRecord record = parse("q_testing_s0_m100_").entries()
			.stream()
			.map(ArxivEntry::record)
			.filter((candidate) -> candidate.id().equals("0804.0970"))
			.findFirst()
			.orElseThrow();

		assertThat(record.authors()).flatExtracting(Author::affiliations).containsExactly("LRI", "IBISC");
		assertThat(record.authors()).filteredOn((author) -> author.affiliations().isEmpty()).hasSizeLessThan(
				record.authors().size());
	}

	@Test
	void aLookUpOfAnUnknownIdIsAnEmptyFeed() {
		ArxivFeed feed = parse("id_0000.0000_");

		assertThat(feed.totalResults()).isZero();
		assertThat(feed.entries()).isEmpty();
	}

	@Test
	void arxivsErrorFeedForAnInvalidIdBecomesAnErrorNamingTheId() {
		Recorded invalid = RecordedResponses.named("id_abc_");
		assertThat(invalid.status()).isEqualTo(400);

		assertThatThrownBy(() -> AtomFeedParser.parse(invalid.body(), invalid.status()))
			.isInstanceOf(ArxivApiException.class)
			.hasMessage("arXiv refused the request: incorrect id format for abc")
			.extracting((ex) -> ((ArxivApiException) ex).status())
			.isEqualTo(400);
	}

	@Test
	void pagesSayWhereTheyStartAndHowManyResultsThereAre() {
		ArxivFeed first = parse("q_testing_s0_m10_");
		ArxivFeed fifth = parse("q_testing_s5_m15_");

		assertThat(first.totalResults()).isEqualTo(214_881);
		assertThat(first.startIndex()).isZero();
		assertThat(first.itemsPerPage()).isEqualTo(10);
		assertThat(fifth.startIndex()).isEqualTo(5);
		assertThat(fifth.itemsPerPage()).isEqualTo(15);
	}

	@Test
	void consecutivePagesOfTenAreTheFirstSixtyResultsOfThePageOfAHundred() {
		List<String> hundred = ids(parse("q_testing_s0_m100_"));
		List<String> tens = Stream.of("q_testing_s0_m10_", "q_testing_s10_m10_", "q_testing_s20_m10_",
				"q_testing_s30_m10_", "q_testing_s40_m10_", "q_testing_s50_m10_")
			.flatMap((prefix) -> ids(parse(prefix)).stream())
			.toList();

		assertThat(tens).hasSize(60).doesNotHaveDuplicates().isEqualTo(hundred.subList(0, 60));
		assertThat(ids(parse("q_testing_s5_m10_"))).isEqualTo(hundred.subList(5, 15));
		assertThat(ids(parse("q_testing_s9_m15_"))).isEqualTo(hundred.subList(9, 24));
	}

	@Test
	void thePrimaryCategoryComesFirstAndNoCategoryTwice() {
		ArxivFeed feed = AtomFeedParser.parse(feed(entry("2401.00001v3", """
				<category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
				<category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
				<category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
				<arxiv:primary_category term="cs.CL"/>
				""")), 200);

		assertThat(feed.entries().get(0).record().categories()).containsExactly("cs.CL", "cs.LG");
	}

	@Test
	void entriesWhoseIdIsNotAnArxivIdAreRejectedWithAReasonAndTheOthersRead() {
		ArxivFeed feed = AtomFeedParser.parse(feed(entry("2401.00001v1", ""), entry("not-an-id", ""),
				entry("2401.00002", ""), entry("2401.00003v2", "")), 200);

		assertThat(feed.entries()).extracting((entry) -> entry.record().id()).containsExactly("2401.00001", "2401.00003");
		assertThat(feed.rejected()).containsExactly(
				"entry 2 (http://arxiv.org/abs/not-an-id): the id is not an arXiv id",
				"entry 3 (http://arxiv.org/abs/2401.00002): the id carries no version");
		assertThat(feed.size()).isEqualTo(4);
	}

	@Test
	void anEntryWithoutAPublicationTimeIsRejected() {
		String entry = entry("2401.00001v1", "").replace("<published>2024-01-01T10:00:00Z</published>",
				"<published>yesterday</published>");

		ArxivFeed feed = AtomFeedParser.parse(feed(entry), 200);

		assertThat(feed.entries()).isEmpty();
		assertThat(feed.rejected()).containsExactly(
				"entry 1 (http://arxiv.org/abs/2401.00001v1): <published> is not a time: 'yesterday'");
	}

	@Test
	void anEmptyFeedHasNoEntries() {
		ArxivFeed feed = AtomFeedParser.parse(feed(), 200);

		assertThat(feed.entries()).isEmpty();
		assertThat(feed.totalResults()).isZero();
	}

	@Test
	void malformedXmlIsAnErrorSayingWhere() {
		String broken = feed(entry("2401.00001v1", "")).replace("</title>", "</titel>");

		assertThatThrownBy(() -> AtomFeedParser.parse(broken, 200)).isInstanceOf(ArxivApiException.class)
			.hasMessageStartingWith("arXiv answered with malformed XML at line ");
	}

	@Test
	void aTruncatedBodyIsAnError() {
		String whole = feed(entry("2401.00001v1", ""), entry("2401.00002v1", ""));
		String truncated = whole.substring(0, whole.length() / 2);

		assertThatThrownBy(() -> AtomFeedParser.parse(truncated, 200)).isInstanceOf(ArxivApiException.class)
			.hasMessageStartingWith("arXiv answered with malformed XML");
	}

	@Test
	void anHtmlPageWhereAFeedWasExpectedIsAnErrorQuotingItsTitle() {
		String html = """
				<!DOCTYPE html>
				<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>
				""";

		assertThatThrownBy(() -> AtomFeedParser.parse(html, 200)).isInstanceOf(ArxivApiException.class)
			.hasMessage("arXiv answered with an HTML page instead of an Atom feed: '502 Bad Gateway'");
	}

	@Test
	void anEmptyBodyOrAnotherDocumentIsAnError() {
		assertThatThrownBy(() -> AtomFeedParser.parse("", 200)).isInstanceOf(ArxivApiException.class)
			.hasMessage("arXiv answered with an empty body instead of an Atom feed");
		assertThatThrownBy(() -> AtomFeedParser.parse("<rss version=\"2.0\"><channel/></rss>", 200))
			.isInstanceOf(ArxivApiException.class)
			.hasMessage("arXiv answered with <rss> instead of an Atom feed");
	}

	@Test
	void aFeedCannotMakeTheParserReadLocalFiles(@TempDir Path folder) throws Exception {
		Path secret = Files.writeString(folder.resolve("secret.txt"), "top secret");
		String hostile = """
				<?xml version="1.0"?>
				<!DOCTYPE feed [<!ENTITY secret SYSTEM "%s">]>
				""".formatted(secret.toUri()) + feed(entry("2401.00001v1", "")).replace("A paper", "&secret;");

		String read;
		try {
			read = AtomFeedParser.parse(hostile, 200).entries().get(0).record().title();
		}
		catch (ArxivApiException refused) {
			read = refused.getMessage();
		}
		assertThat(read).doesNotContain("top secret");
	}

	private static ArxivFeed parse(String prefix) {
		Recorded recorded = RecordedResponses.named(prefix);
		return AtomFeedParser.parse(recorded.body(), recorded.status());
	}

	private static ArxivRecord single(String prefix) {
		ArxivFeed feed = parse(prefix);
		assertThat(feed.entries()).hasSize(1);
		return feed.entries().get(0).record();
	}

	private static List<String> ids(ArxivFeed feed) {
		return feed.entries().stream().map((entry) -> entry.record().id()).toList();
	}

	static String feed(String... entries) {
		return """
				<?xml version='1.0' encoding='UTF-8'?>
				<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
				  <id>https://arxiv.org/api/test</id>
				  <title>arXiv Query</title>
				  <opensearch:itemsPerPage>%d</opensearch:itemsPerPage>
				  <opensearch:totalResults>%d</opensearch:totalResults>
				  <opensearch:startIndex>0</opensearch:startIndex>
				%s</feed>
				""".formatted(entries.length, entries.length, String.join("", entries));
	}

	static String entry(String id, String categories) {
		return """
				  <entry>
				    <id>http://arxiv.org/abs/%s</id>
				    <title>A paper</title>
				    <updated>2024-01-02T10:00:00Z</updated>
				    <summary>An abstract.</summary>
				    %s
				    <published>2024-01-01T10:00:00Z</published>
				    <author><name>Ada Lovelace</name></author>
				  </entry>
				""".formatted(id, categories.isEmpty() ? "<arxiv:primary_category term=\"cs.AI\"/>" : categories);
	}

}
