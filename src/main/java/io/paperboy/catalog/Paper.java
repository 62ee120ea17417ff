package io.paperboy.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A paper in the catalog, keyed by its canonical arXiv id.
 * <p>
 * Counts that came from an import ({@code importedUpvotes}, {@code importedComments},
 * {@code githubStars}) are kept apart from what Paperboy records itself ({@code memberVotes},
 * {@code memberComments}), so
 * that members' votes and comments are added to them rather than overwrite them, and an import
 * never touches what members did.
 *
 * @param id canonical arXiv id, without version
 * @param version latest version known, if any
 * @param title title as the source gives it (arXiv's hard line breaks included)
 * @param summary abstract as the source gives it
 * @param publishedAt first publication on arXiv
 * @param arxivUpdatedAt latest revision on arXiv, if known
 * @param authors authors in order
 * @param categories arXiv categories, primary first
 * @param comment the authors' comment (pages, venue), if any
 * @param journalRef journal reference, if any
 * @param doi DOI, if any
 * @param githubRepo URL of the code repository, if any
 * @param githubStars stars of that repository when last imported, if known
 * @param projectPage URL of the project page, if any
 * @param aiSummary one-sentence machine summary supplied by the source, if any
 * @param aiKeywords machine keywords supplied by the source
 * @param discussionId the source's discussion id, kept for API compatibility
 * @param importedUpvotes upvotes the source reported
 * @param importedComments comments the source reported
 * @param memberVotes votes cast by this site's members (kept by {@code io.paperboy.community.Votes})
 * @param memberComments comments by this site's members that everyone can see (kept by
 * {@code io.paperboy.community.Comments})
 */
public record Paper(String id, Integer version, String title, String summary, Instant publishedAt,
		Instant arxivUpdatedAt, List<Author> authors, List<String> categories, String comment, String journalRef,
		String doi, String githubRepo, Integer githubStars, String projectPage, String aiSummary,
		List<String> aiKeywords, String discussionId, int importedUpvotes, int importedComments, int memberVotes,
		int memberComments) {

	public Paper {
		authors = List.copyOf(authors);
		categories = List.copyOf(categories);
		aiKeywords = List.copyOf(aiKeywords);
	}

	/** A paper as a source describes it: members have not voted on it (or the source cannot know). */
	public Paper(String id, Integer version, String title, String summary, Instant publishedAt,
			Instant arxivUpdatedAt, List<Author> authors, List<String> categories, String comment, String journalRef,
			String doi, String githubRepo, Integer githubStars, String projectPage, String aiSummary,
			List<String> aiKeywords, String discussionId, int importedUpvotes, int importedComments) {
		this(id, version, title, summary, publishedAt, arxivUpdatedAt, authors, categories, comment, journalRef, doi,
				githubRepo, githubStars, projectPage, aiSummary, aiKeywords, discussionId, importedUpvotes,
				importedComments, 0, 0);
	}

	/**
	 * This paper with the arXiv metadata it lacks taken from {@code stored}: a source that does not
	 * carry categories, comment, journal reference, DOI or revision time (Hugging Face's lists do
	 * not) must not erase what another source (arXiv) recorded. Members' votes and comments are never
	 * a source's to change: they are taken from {@code stored} too.
	 */
	public Paper keepingArxivMetadataOf(Paper stored) {
		return new Paper(this.id, (this.version != null) ? this.version : stored.version, this.title, this.summary,
				(this.publishedAt != null) ? this.publishedAt : stored.publishedAt,
				(this.arxivUpdatedAt != null) ? this.arxivUpdatedAt : stored.arxivUpdatedAt, this.authors,
				this.categories.isEmpty() ? stored.categories : this.categories,
				(this.comment != null) ? this.comment : stored.comment,
				(this.journalRef != null) ? this.journalRef : stored.journalRef,
				(this.doi != null) ? this.doi : stored.doi, this.githubRepo, this.githubStars, this.projectPage,
				this.aiSummary, this.aiKeywords, this.discussionId, this.importedUpvotes, this.importedComments,
				stored.memberVotes, stored.memberComments);
	}

	/**
	 * This paper with the bibliographic fields of {@code stored}, which arXiv described: once arXiv
	 * has, a daily list no longer changes the title, abstract, authors, dates, version, categories,
	 * comment, journal reference or DOI; it still brings its own fields (counts, code, project page,
	 * AI summary). Members' votes and comments are taken from {@code stored}.
	 */
	public Paper keepingBibliographyOf(Paper stored) {
		return new Paper(this.id, stored.version, stored.title, stored.summary, stored.publishedAt,
				stored.arxivUpdatedAt, stored.authors, stored.categories, stored.comment, stored.journalRef, stored.doi,
				this.githubRepo, this.githubStars, this.projectPage, this.aiSummary, this.aiKeywords, this.discussionId,
				this.importedUpvotes, this.importedComments, stored.memberVotes, stored.memberComments);
	}

	/**
	 * What arXiv says of this paper, with everything else (the daily lists' fields, members' votes)
	 * kept from this paper. A field arXiv leaves empty keeps what another source recorded.
	 */
	public Paper describedBy(ArxivRecord record) {
		return new Paper(this.id, record.version(), record.title(), record.summary(),
				(record.publishedAt() != null) ? record.publishedAt() : this.publishedAt,
				(record.updatedAt() != null) ? record.updatedAt() : this.arxivUpdatedAt, record.authors(),
				record.categories().isEmpty() ? this.categories : record.categories(),
				(record.comment() != null) ? record.comment() : this.comment,
				(record.journalRef() != null) ? record.journalRef() : this.journalRef,
				(record.doi() != null) ? record.doi() : this.doi, this.githubRepo, this.githubStars, this.projectPage,
				this.aiSummary, this.aiKeywords, this.discussionId, this.importedUpvotes, this.importedComments,
				this.memberVotes, this.memberComments);
	}

	/** A paper that only arXiv has described so far. */
	public static Paper of(ArxivRecord record) {
		return new Paper(record.id(), record.version(), record.title(), record.summary(), record.publishedAt(),
				record.updatedAt(), record.authors(), record.categories(), record.comment(), record.journalRef(),
				record.doi(), null, null, null, null, List.of(), null, 0, 0);
	}

	/** Upvotes to show: those the source reported plus those of this site's members. */
	public int upvotes() {
		return this.importedUpvotes + this.memberVotes;
	}

	/**
	 * The API's {@code numComments}: the comments the source reported plus those of this site's
	 * members. Pages never show this sum: they show members' comments (which they list) and the
	 * source's count (which lives on the source's site) apart; see docs/api.md for why the API
	 * keeps it.
	 */
	public int numComments() {
		return this.importedComments + this.memberComments;
	}

	/**
	 * Where the comments the import counted can be read: the paper's discussion on Hugging Face,
	 * the only source that reports comments.
	 */
	public String importedCommentsUrl() {
		return "https://huggingface.co/papers/" + this.id + "#community";
	}

	/** The abstract page on arXiv. */
	public String arxivUrl() {
		return "https://arxiv.org/abs/" + this.id;
	}

	/** The PDF on arXiv. */
	public String pdfUrl() {
		return "https://arxiv.org/pdf/" + this.id;
	}

	/**
	 * This site's image of the paper's first page (a placeholder until one is made), as a path:
	 * never another site's address.
	 */
	public String thumbnailPath() {
		return "/papers/" + this.id + "/thumbnail";
	}

	/** The title on one line, as it should be displayed. */
	public String displayTitle() {
		return Text.unwrap(this.title);
	}

	/** The abstract with arXiv's hard line breaks removed. */
	public String displaySummary() {
		return Text.unwrap(this.summary);
	}

	/** The primary arXiv category, if known. */
	public String primaryCategory() {
		return this.categories.isEmpty() ? null : this.categories.get(0);
	}

}
