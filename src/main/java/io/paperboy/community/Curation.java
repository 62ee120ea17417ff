package io.paperboy.community;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.catalog.PaperListing;
import io.paperboy.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curators keep the daily lists good: they feature a paper on its day (it comes first, with a
 * badge) or hide it (it leaves that day's page, the list API and the feeds, for everyone). The
 * marks are the catalog's to write ({@link Catalog#markFeatured}, {@link Catalog#markHidden}), and
 * each change publishes a {@link CatalogChangedEvent}, so that cached lists and pages are made
 * again once it commits.
 */
@Service
public class Curation {

	private final Catalog catalog;

	private final Clock clock;

	Curation(Catalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Applies a curator's action to the paper's daily entry.
	 * @throws NotCuratorException when {@code member} is not a curator
	 * @throws NotFoundException when the paper is on no daily list
	 */
	@Transactional
	void apply(Member member, String paperId, CurationAction action) {
		if (member == null || !member.isCurator()) {
			throw new NotCuratorException();
		}
		Instant now = this.clock.instant();
		boolean found = switch (action) {
			case FEATURE -> this.catalog.markFeatured(paperId, member.id(), now);
			case UNFEATURE -> this.catalog.markFeatured(paperId, null, null);
			case HIDE -> this.catalog.markHidden(paperId, member.id(), now);
			case UNHIDE -> this.catalog.markHidden(paperId, null, null);
		};
		if (!found) {
			throw new NotFoundException(paperId + " is on no daily list.");
		}
	}

	/**
	 * A day's papers as curators see them: the hidden ones too, with their marks, featured first.
	 * @throws NotCuratorException when {@code member} is not a curator
	 */
	@Transactional(readOnly = true)
	List<PaperListing> day(Member member, LocalDate day) {
		if (member == null || !member.isCurator()) {
			throw new NotCuratorException();
		}
		return this.catalog.listingsOf(this.catalog.paperIdsListedOn(day))
			.stream()
			.filter((listing) -> listing.entry() != null)
			.sorted(java.util.Comparator.comparing((PaperListing listing) -> !listing.entry().featured())
				.thenComparing((PaperListing listing) -> listing.entry().hidden()))
			.toList();
	}

	/** Today, as the daily lists count days. */
	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC);
	}

}
