package io.paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.paperboy.account.Member;
import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.catalog.PaperPage;
import io.paperboy.ingest.arxiv.ArxivApiException;
import io.paperboy.ingest.arxiv.ArxivClient;
import io.paperboy.ingest.arxiv.ArxivEntry;
import io.paperboy.ingest.http.FetchException;
import io.paperboy.web.RateLimits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members put papers on the daily lists: by arXiv id or any arXiv address, with the metadata taken
 * from the catalog or, for a paper it does not have yet, from arXiv. The paper joins today's list
 * (UTC, like every list) with the member as its submitter; a curator may choose another day.
 * <p>
 * arXiv is asked before anything is written, and what it says is saved in the same transaction
 * that places the paper on the list: a failure at any step leaves the catalog as it was. The
 * member waits meanwhile, so arXiv is asked once, within {@code paperboy.community.arxiv-deadline}:
 * slow, down or busy with a source's harvest, it is told at once to try again in a minute.
 */
@Service
class Submissions {

	private static final Duration RATE_WINDOW = Duration.ofDays(1);

	private final Catalog catalog;

	private final ArxivClient arxiv;

	private final RateLimits rateLimits;

	private final SubmissionProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Submissions(Catalog catalog, ArxivClient arxiv, RateLimits rateLimits, SubmissionProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.catalog = catalog;
		this.arxiv = arxiv;
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Today, as the daily lists count days. */
	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * Submits the paper {@code text} names to the list of {@code day}.
	 * @param member who submits
	 * @param text an arXiv id or address, as the member typed or pasted it
	 * @param day the list to join; {@code null} for today. Only curators may name another day.
	 * @return the paper on its list: the new entry, or the entry it already had
	 * @throws SubmissionRefusedException when the text, the paper or the day cannot be taken
	 * @throws ArxivUnavailableException when arXiv could not be asked
	 * @throws io.paperboy.web.TooManyRequestsException when the member has submitted too often
	 */
	Submission submit(Member member, String text, LocalDate day) {
		if (member.needsProfile()) {
			// the lists show the submitter's name: there must be one
			throw new SubmissionRefusedException("Choose your username and display name at /welcome before submitting.");
		}
		ArxivId id = PaperReference.parse(text)
			.orElseThrow(() -> new SubmissionRefusedException(((text == null || text.isBlank()) ? "That"
					: "\u201c" + text.strip() + "\u201d")
					+ " is not an arXiv id or address. Paste an id such as 2401.00001, or a link such as "
					+ "https://arxiv.org/abs/2401.00001."));
		LocalDate listDay = listDay(member, day);
		Optional<Submission> listed = alreadyListed(id.id());
		if (listed.isPresent()) {
			return listed.get();
		}
		if (!member.isCurator()) {
			int limit = this.properties.submissionsPerDay();
			this.rateLimits.take("submission", Long.toString(member.id()), limit, RATE_WINDOW,
					"You have submitted " + limit + " papers in the last 24 hours, the most a member may. "
							+ "Please try again later.");
		}
		Optional<Paper> known = this.catalog.findPaper(id.id());
		ArxivRecord fetched = known.isPresent() ? null : lookUp(id);
		Instant publishedAt = known.map(Paper::publishedAt).orElseGet(() -> fetched.publishedAt());
		checkAge(member, id, publishedAt);
		DailyEntry entry = new DailyEntry(id.id(), listDay, this.clock.instant(), member.id(), null, List.of(), null,
				null);
		try {
			return this.transactions.execute((status) -> alreadyListed(id.id())
				// another member may have listed it while arXiv was being asked: theirs stands
				.orElseGet(() -> place(fetched, entry)));
		}
		catch (DuplicateKeyException ex) {
			// listed by someone else between the check and the insert: theirs stands
			return alreadyListed(id.id()).orElseThrow(() -> ex);
		}
	}

	private Submission place(ArxivRecord fetched, DailyEntry entry) {
		if (fetched != null) {
			this.catalog.saveArxivRecords(List.of(fetched));
		}
		this.catalog.placeOnDailyList(entry);
		return new Submission(this.catalog.findListing(entry.paperId()).orElseThrow(), true);
	}

	private LocalDate listDay(Member member, LocalDate day) {
		LocalDate today = today();
		if (day == null || day.equals(today)) {
			return today;
		}
		if (!member.isCurator()) {
			throw new SubmissionRefusedException("Papers join today's list; only curators choose another day.");
		}
		if (day.isAfter(today)) {
			throw new SubmissionRefusedException("The list of " + day + " has not begun yet: choose today or an "
					+ "earlier day.");
		}
		return day;
	}

	private Optional<Submission> alreadyListed(String paperId) {
		return this.catalog.findListing(paperId)
			.filter((listing) -> listing.entry() != null)
			.map((listing) -> new Submission(listing, false));
	}

	/** What arXiv says about the paper, in its latest version. */
	private ArxivRecord lookUp(ArxivId id) {
		List<ArxivEntry> entries;
		try {
			// someone waits for the page: one attempt with a deadline, not the sources' patient retries
			entries = this.arxiv.lookUpNow(id.id(), this.properties.arxivDeadline()).entries();
		}
		catch (ArxivApiException ex) {
			if (ex.status() == 400) {
				// arXiv refuses an id it cannot read the way we do: still, an id it does not have
				throw unknown(id);
			}
			throw new ArxivUnavailableException(id.id(), ex);
		}
		catch (FetchException ex) {
			throw new ArxivUnavailableException(id.id(), ex);
		}
		return entries.stream()
			.map(ArxivEntry::record)
			.filter((record) -> record.id().equals(id.id()))
			.findFirst()
			.orElseThrow(() -> unknown(id));
	}

	private static SubmissionRefusedException unknown(ArxivId id) {
		return new SubmissionRefusedException("arXiv has no paper " + id.id() + ". Check the id and try again.");
	}

	private void checkAge(Member member, ArxivId id, Instant publishedAt) {
		Duration maxAge = this.properties.submitMaxAge();
		if (member.isCurator() || publishedAt == null || !publishedAt.isBefore(this.clock.instant().minus(maxAge))) {
			return;
		}
		throw new SubmissionRefusedException(id.id() + " was first published on " + PaperPage.date(publishedAt)
				+ ", more than " + describe(maxAge) + " ago. The daily lists are for new papers: members submit papers "
				+ "from the last " + describe(maxAge) + ".");
	}

	private static String describe(Duration duration) {
		long days = duration.toDays();
		if (days > 0 && duration.equals(Duration.ofDays(days))) {
			return (days == 1) ? "1 day" : days + " days";
		}
		long hours = duration.toHours();
		return (hours == 1) ? "1 hour" : hours + " hours";
	}

	/** A paper with its entry, for showing a member where a paper they submitted is. */
	Optional<PaperListing> listingOf(String paperId) {
		return PaperReference.parse(paperId)
			.flatMap((id) -> this.catalog.findListing(id.id()))
			.filter((listing) -> listing.entry() != null);
	}

}
