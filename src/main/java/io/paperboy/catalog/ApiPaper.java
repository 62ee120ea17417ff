package io.paperboy.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.paperboy.account.User;

/**
 * A paper as Hugging Face's API shows it ({@code GET /api/papers/{id}}, and nested in each
 * {@code GET /api/daily_papers} item), so that existing clients read Paperboy unchanged. Absent
 * values are left out, as Hugging Face does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiPaper(String id, List<ApiAuthor> authors, String publishedAt, String submittedOnDailyAt,
		String title, ApiUser submittedOnDailyBy, String summary, int upvotes, String discussionId,
		String githubRepo, Integer githubStars, String projectPage, @JsonProperty("ai_summary") String aiSummary,
		@JsonProperty("ai_keywords") List<String> aiKeywords, Integer numComments) {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** An author, as Hugging Face shows one. */
	public record ApiAuthor(@JsonProperty("_id") String id, String name, boolean hidden) {
	}

	/** A user, as Hugging Face shows a submitter; {@code user} or {@code name} carries the username. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ApiUser(String avatarUrl, String fullname, String user, String name, String type) {

		/** The form used in {@code paper.submittedOnDailyBy}. */
		public static ApiUser asSubmittedOnDailyBy(User user) {
			return (user != null) ? new ApiUser(user.avatarUrl(), user.displayName(), user.username(), null, "user") : null;
		}

		/** The form used in an item's {@code submittedBy}. */
		public static ApiUser asSubmittedBy(User user) {
			return (user != null) ? new ApiUser(user.avatarUrl(), user.displayName(), null, user.username(), "user") : null;
		}

	}

	/** The flat form of {@code GET /api/papers/{id}}, which also counts comments. */
	public static ApiPaper flat(PaperListing listing) {
		return of(listing, listing.paper().numComments());
	}

	/** The form nested in a daily-papers item, which counts comments at the item's level instead. */
	public static ApiPaper nested(PaperListing listing) {
		return of(listing, null);
	}

	private static ApiPaper of(PaperListing listing, Integer numComments) {
		Paper paper = listing.paper();
		DailyEntry entry = listing.entry();
		List<ApiAuthor> authors = paper.authors()
			.stream()
			.map((author) -> new ApiAuthor(author.sourceId(), author.name(), author.hidden()))
			.toList();
		return new ApiPaper(paper.id(), authors, timestamp(paper.publishedAt()),
				(entry != null) ? timestamp(entry.submittedAt()) : null, paper.title(),
				ApiUser.asSubmittedOnDailyBy(listing.submitter()), paper.summary(), paper.upvotes(),
				paper.discussionId(), paper.githubRepo(), paper.githubStars(), paper.projectPage(), paper.aiSummary(),
				paper.aiKeywords().isEmpty() ? null : paper.aiKeywords(), numComments);
	}

	/** Times the way Hugging Face writes them: UTC, milliseconds, {@code Z}. */
	public static String timestamp(Instant instant) {
		return (instant != null) ? TIMESTAMP.format(instant) : null;
	}

}
