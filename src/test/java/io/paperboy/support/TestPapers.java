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

	private Integer version;

	private Instant arxivUpdatedAt;

	private String comment;

	private String journalRef;

	private String doi;

	private String projectPage;

	private String aiSummary;

	private List<String> aiKeywords = List.of();

	private String discussionId;

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

	public TestPapers withAuthors(Author... authors) {
		this.authors = List.of(authors);
		return this;
	}

	/** The arXiv version, and when arXiv last revised the paper. */
	public TestPapers withVersion(Integer version, Instant arxivUpdatedAt) {
		this.version = version;
		this.arxivUpdatedAt = arxivUpdatedAt;
		return this;
	}

	/** What arXiv's metadata adds: the authors' comment, the journal reference and the DOI. */
	public TestPapers withArxivNotes(String comment, String journalRef, String doi) {
		this.comment = comment;
		this.journalRef = journalRef;
		this.doi = doi;
		return this;
	}

	public TestPapers withProjectPage(String projectPage) {
		this.projectPage = projectPage;
		return this;
	}

	/** Hugging Face's one-line summary and keywords. */
	public TestPapers withAiSummary(String aiSummary, String... aiKeywords) {
		this.aiSummary = aiSummary;
		this.aiKeywords = List.of(aiKeywords);
		return this;
	}

	public TestPapers withDiscussion(String discussionId) {
		this.discussionId = discussionId;
		return this;
	}

	public TestPapers publishedAt(Instant publishedAt) {
		this.publishedAt = publishedAt;
		return this;
	}

	public Paper build() {
		return new Paper(this.id, this.version, this.title, this.summary, this.publishedAt, this.arxivUpdatedAt,
				this.authors, this.categories, this.comment, this.journalRef, this.doi, this.githubRepo, this.githubStars,
				this.projectPage, this.aiSummary, this.aiKeywords, this.discussionId, this.upvotes, this.comments);
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
