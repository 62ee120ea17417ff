package io.paperboy.community;

import java.time.LocalDate;

import io.paperboy.catalog.PaperListing;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the submit page shows.
 *
 * @param paper the id or address in the form (kept when it was refused)
 * @param day the day in the form, for curators; empty for today
 * @param problem why the last submission was refused, or {@code null}
 * @param result the paper the last submission was about, or {@code null}
 * @param chooseDay whether the member may choose the day (curators)
 * @param today today's date, the default day
 * @param csrf the token the form carries
 */
public record SubmitPage(String paper, String day, String problem, Result result, boolean chooseDay, LocalDate today,
		CsrfToken csrf) {

	/**
	 * A submitted paper and where it is.
	 *
	 * @param listing the paper with its entry
	 * @param added whether the submission put it there (rather than finding it there)
	 * @param yours whether the member is its submitter
	 */
	public record Result(PaperListing listing, boolean added, boolean yours) {

		/** The address of the paper's day page. */
		public String dayLink() {
			return "/papers/date/" + this.listing.entry().day();
		}

		public String paperLink() {
			return "/papers/" + this.listing.paper().id();
		}

	}

}
