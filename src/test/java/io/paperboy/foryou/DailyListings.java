package io.paperboy.foryou;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.paperboy.catalog.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hugging Face's daily lists as the evaluation needs them: who submitted which paper on which day, and
 * each paper's text. The submitter is {@code paper.submittedOnDailyBy.user}, or the entry's
 * {@code submittedBy.name} in the files that have only that (as the importer reads them).
 */
record DailyListings(List<Listing> listings, Map<String, Paper> papers) {

	/** A paper on a day's list; {@code submitter} is null when the file does not say. */
	record Listing(LocalDate day, String id, String submitter, int upvotes) {
	}

	/** A paper's text. */
	record Paper(String id, String title, String summary, List<String> authors) {

		String titleAndAbstract() {
			return this.title + " " + this.summary;
		}

		/** What arxiv-sanity-lite's compute.py feeds its vectorizer: title, abstract and author names. */
		String titleAbstractAndAuthors() {
			return this.title + " " + this.summary + " " + String.join(" ", this.authors);
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every file {@code YYYY-MM-DD.json} of the folder, in date order. */
	static DailyListings read(Path folder) {
		List<Listing> listings = new ArrayList<>();
		Map<String, Paper> papers = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.json"))
				.sorted()
				.toList()) {
				LocalDate day = LocalDate.parse(file.getFileName().toString().substring(0, 10));
				for (JsonNode entry : JSON.readTree(file.toFile())) {
					JsonNode paper = entry.get("paper");
					String id = paper.get("id").asString();
					String submitter = paper.path("submittedOnDailyBy").path("user").asString(null);
					if (submitter == null) {
						submitter = entry.path("submittedBy").path("name").asString(null);
					}
					listings.add(new Listing(day, id, submitter, paper.path("upvotes").asInt(0)));
					List<String> authors = new ArrayList<>();
					paper.path("authors").forEach((author) -> authors.add(author.path("name").asString()));
					papers.put(id, new Paper(id, Text.unwrap(paper.get("title").asString()),
							Text.unwrap(paper.path("summary").asString("")), authors));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new DailyListings(listings, papers);
	}

}
