package io.paperboy.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.catalog.Author;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;

/**
 * Papers and daily entries for tests, with defaults for everything a test does not care about:
 * {@code TestPapers.paper("2401.00001").withUpvotes(12).build()}.
 */
public final class TestPapers {

	private final String id;

	private String title;

	private String summary = "An abstract\nwrapped the way arXiv wraps it.";

	private Instant publishedAt = Instant.parse("2024-01-01T17:00:00Z");

	private List<Author> authors = new ArrayList<>(List.of(new Author("Ada Lovelace", "a1", false),
			new Author("Alan Turing", "a2", false)));

	private List<String> categories = new ArrayList<>();

	private int upvotes;

	private int comments;

	private String githubRepo;

	private Integer githubStars;

	private TestPapers(String id) {
		this.id = id;
		this.title = "A study of " + id;
	}

	public static TestPapers paper(String id) {
		return new TestPapers(id);
	}

	public TestPapers withTitle(String title) {
		this.title = title;
		return this;
	}

	public TestPapers withSummary(String summary) {
		this.summary = summary;
		return this;
	}

	public TestPapers withUpvotes(int upvotes) {
		this.upvotes = upvotes;
		return this;
	}

	public TestPapers withComments(int comments) {
		this.comments = comments;
		return this;
	}

	public TestPapers withAuthors(String... names) {
		this.authors = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			this.authors.add(new Author(names[i], "author-" + i, false));
		}
		return this;
	}

	public TestPapers withCategories(String... categories) {
		this.categories = List.of(categories);
		return this;
	}

	public TestPapers withGithub(String repo, Integer stars) {
		this.githubRepo = repo;
		this.githubStars = stars;
		return this;
	}

	public TestPapers publishedAt(Instant publishedAt) {
		this.publishedAt = publishedAt;
		return this;
	}

	public Paper build() {
		return new Paper(this.id, null, this.title, this.summary, this.publishedAt, null, this.authors,
				this.categories, null, null, null, this.githubRepo, this.githubStars, null, null, List.of(), null,
				this.upvotes, this.comments);
	}

	/** A daily entry for a paper on a day, submitted at noon UTC, with no submitter. */
	public static DailyEntry entry(String paperId, LocalDate day) {
		return entry(paperId, day, null);
	}

	/** A daily entry for a paper on a day, submitted at noon UTC by the given user. */
	public static DailyEntry entry(String paperId, LocalDate day, Long submitterId) {
		return new DailyEntry(paperId, day, day.atTime(12, 0).toInstant(ZoneOffset.UTC), submitterId, null, List.of(),
				null, null);
	}

}
