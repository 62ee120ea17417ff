package io.paperboy.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.paperboy.account.User;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.PaperListing;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSearchItemsTests {

	private static final String BASE_URL = "https://papers.example.org";

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anItemIsWrittenByteForByteAsTheRecordWould() {
		List<SearchHit> hits = List.of(hit(listed("2506.00001", 12), marked("Reward \"Tampering\"", "Tampering")),
				hit(listed("2506.00002", 3), List.of(HighlightSegment.text("Back\\slash, tab\t, bell\u0007, é, 😀"))),
				hit(unlisted("2506.00003"), List.of()));
		assertThat(this.json.writeValueAsString(new ApiSearchItems(this.json, BASE_URL).of(hits)))
			.isEqualTo(this.json.writeValueAsString(records(hits)));
	}

	@Test
	void anItemIsWrittenAsUtf8BytesAsTheRecordWouldEvenWhenAMarkedAbstractOutgrowsTheWritersBuffer() {
		String longText = "Back\\slash, \"quoted\", é, 😀, tab\t. ".repeat(2_000);
		List<SearchHit> hits = List.of(hit(listed("2506.00001", 12), marked("Reward \"Tampering\" é 😀", "Tampering")),
				new SearchHit(listed("2506.00002", 3), List.of(HighlightSegment.text("Long")),
						List.of(HighlightSegment.highlight(longText), HighlightSegment.text(longText)), List.of()),
				hit(unlisted("2506.00003"), List.of()));
		// as the server writes an answer: to a stream of bytes, not to a string
		assertThat(this.json.writeValueAsBytes(new ApiSearchItems(this.json, BASE_URL).of(hits)))
			.isEqualTo(this.json.writeValueAsBytes(records(hits)));
	}

	@Test
	void aPaperThatChangedIsWrittenAsItNowIsAndTheSameQueryMarksOtherWords() {
		ApiSearchItems items = new ApiSearchItems(this.json, BASE_URL);
		items.of(List.of(hit(listed("2506.00001", 12), marked("Reward Tampering", "Reward"))));
		List<SearchHit> changed = List.of(hit(listed("2506.00001", 13), marked("Reward Tampering", "Tampering")));
		String written = this.json.writeValueAsString(items.of(changed));
		assertThat(written).isEqualTo(this.json.writeValueAsString(records(changed))).contains("\"upvotes\":13");
	}

	@Test
	void aPaperReadAgainUnchangedIsWrittenTheSameAndAChangeAfterItIsStillSeen() {
		ApiSearchItems items = new ApiSearchItems(this.json, BASE_URL);
		List<SearchHit> first = List.of(hit(listed("2506.00001", 12), marked("Reward Tampering", "Reward")));
		List<SearchHit> again = List.of(hit(listed("2506.00001", 12), marked("Reward Tampering", "Tampering")));
		String written = this.json.writeValueAsString(items.of(first));
		assertThat(this.json.writeValueAsString(items.of(again))).isEqualTo(this.json.writeValueAsString(records(again)));
		assertThat(this.json.writeValueAsString(items.of(again))).isEqualTo(this.json.writeValueAsString(records(again)));
		List<SearchHit> changed = List.of(hit(listed("2506.00001", 14), marked("Reward Tampering", "Reward")));
		assertThat(this.json.writeValueAsString(items.of(changed))).isEqualTo(this.json.writeValueAsString(records(changed)))
			.contains("\"upvotes\":14")
			.isNotEqualTo(written);
	}

	@Test
	void papersForgottenForLackOfRoomAreWrittenAgainTheSame() {
		ApiSearchItems items = new ApiSearchItems(this.json, BASE_URL, 1);
		List<SearchHit> hits = IntStream.range(0, 20)
			.mapToObj((i) -> hit(listed("2506.%05d".formatted(i + 1), i), marked("Title " + i, "Title")))
			.toList();
		for (int round = 0; round < 2; round++) {
			assertThat(this.json.writeValueAsString(items.of(hits))).isEqualTo(this.json.writeValueAsString(records(hits)));
		}
	}

	@Test
	void noHitsAreAnEmptyList() {
		assertThat(this.json.writeValueAsString(new ApiSearchItems(this.json, BASE_URL).of(List.of()))).isEqualTo("[]");
	}

	private List<ApiSearchItem> records(List<SearchHit> hits) {
		return hits.stream()
			.map((hit) -> ApiSearchItem.of(hit.listing(), organization(hit.listing()), BASE_URL, hit.title(),
					hit.summary()))
			.toList();
	}

	private Map<String, Object> organization(PaperListing listing) {
		String stored = (listing.entry() != null) ? listing.entry().organization() : null;
		return (stored != null) ? this.json.readValue(stored, OBJECT) : null;
	}

	private static SearchHit hit(PaperListing listing, List<HighlightSegment> title) {
		List<HighlightSegment> summary = List.of(HighlightSegment.text("We study "),
				HighlightSegment.highlight("reward"), HighlightSegment.text(" in \"agents\".\nLine two."));
		return new SearchHit(listing, title, summary, List.of());
	}

	private static List<HighlightSegment> marked(String title, String word) {
		int at = title.indexOf(word);
		return List.of(HighlightSegment.text(title.substring(0, at)), HighlightSegment.highlight(word),
				HighlightSegment.text(title.substring(at + word.length())));
	}

	private static PaperListing listed(String id, int upvotes) {
		DailyEntry entry = new DailyEntry(id, LocalDate.of(2025, 6, 2), Instant.parse("2025-06-02T12:00:00Z"), 7L,
				"thumb.png", List.of("https://example.org/video.mp4"), true,
				"{\"name\":\"lab\",\"fullname\":\"A \\\"Lab\\\"\",\"avatar\":null}", false, false);
		return new PaperListing(TestPapers.paper(id)
			.withTitle("Reward \"Tampering\"\n in Agents")
			.withSummary("We study reward in \"agents\".\nLine two: é, 😀, back\\slash.")
			.withUpvotes(upvotes)
			.withAuthors(new Author("Ada Lovelace", "a1", false, List.of()), new Author("Hidden One", null, true, List.of()))
			.withGithub("https://github.com/example/repo", 42)
			.withAiSummary("A summary.", "reward", "agents")
			.build(), entry, new User(7, "ada", "Ada L.", "https://example.org/ada.png"));
	}

	private static PaperListing unlisted(String id) {
		return new PaperListing(TestPapers.paper(id).withTitle("Plain").withSummary("Plain words.").build(), null, null);
	}

}
