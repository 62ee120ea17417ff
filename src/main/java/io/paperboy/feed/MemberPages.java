package io.paperboy.feed;

import java.util.List;

import io.paperboy.catalog.PaperListing;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * Pages as a signed-in member sees them: with their name, their CSRF token and their votes. Such a
 * page is rendered for its request alone; it is never kept in {@link Renditions} (which holds the
 * anonymous version of each page) and tells browsers and proxies not to keep it either.
 */
final class MemberPages {

	/** The headers of every page rendered for a member. */
	static final HttpHeaders HEADERS = headers();

	private MemberPages() {
	}

	/** The papers of these cards, whose votes a member's page shows. */
	static List<String> paperIds(List<PaperListing> listings) {
		return listings.stream().map((listing) -> listing.paper().id()).toList();
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(CacheControl.noStore().cachePrivate());
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

}
