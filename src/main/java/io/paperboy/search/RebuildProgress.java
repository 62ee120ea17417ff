package io.paperboy.search;

import java.util.Locale;

/**
 * How far a rebuild of the search index has come, for the search page and {@code /admin/search}.
 *
 * @param shown papers that searches find so far (for a rebuild that replaces an index that answers
 * meanwhile: papers written so far, which searches find once it ends)
 * @param papers papers in the database when the rebuild started
 * @param newestFirst whether the rebuild fills an empty index (missing or outdated at start), newest
 * papers first, making them searchable as it goes; otherwise it replaces an index that still answers
 * and shows its work once, at its end, so that searches never get worse meanwhile
 */
public record RebuildProgress(int shown, long papers, boolean newestFirst) {

	/**
	 * What a reader or an operator is told: "Building the search index: 120,000 of 1,006,214 papers,
	 * newest first; older papers will appear as it goes."
	 */
	public String notice() {
		String counts = number(this.shown) + " of " + number(this.papers) + ((this.papers == 1) ? " paper" : " papers");
		if (this.newestFirst) {
			return "Building the search index: " + counts + ", newest first; older papers will appear as it goes.";
		}
		return "Rebuilding the search index: " + counts + " written; searches answer from the index as it was until the rebuild ends.";
	}

	/** Share of the papers done, 0 to 100. */
	public int percent() {
		return (this.papers <= 0) ? 0 : (int) Math.min(100, Math.floor(100.0 * this.shown / this.papers));
	}

	private static String number(long count) {
		return String.format(Locale.ENGLISH, "%,d", count);
	}

}
