package io.paperboy.feed;

import java.util.List;

import io.paperboy.catalog.PaperListing;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * Pages as a signed-in member sees them: with their name, their CSRF token and their votes. Such a
 * page is rendered for its request alone; it is never kept in {@link Renditions} (which holds the
 * anonymous version of each page) and tells browsers and proxies not to keep it either.
 * <p>
 * The same address answers anonymous visitors with the kept page, which caches may keep and
 * revalidate ({@code no-cache}). Both versions say {@code Vary: Cookie}: a shared cache that keeps
 * the anonymous page then never offers it to a request that carries the session cookie (and a
 * member's page, {@code private, no-store}, is never kept at all).
 */
final class MemberPages {

	/** The headers of every page rendered for a member. */
	static final HttpHeaders HEADERS = headers(CacheControl.noStore().cachePrivate());

	/** The headers of the anonymous version of a page that members see otherwise. */
	static final HttpHeaders ANONYMOUS_HEADERS = headers(CacheControl.noCache());

	private MemberPages() {
	}

	/** The papers of these cards, whose votes a member's page shows. */
	static List<String> paperIds(List<PaperListing> listings) {
		return listings.stream().map((listing) -> listing.paper().id()).toList();
	}

	private static HttpHeaders headers(CacheControl cacheControl) {
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(cacheControl);
		headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.COOKIE));
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

}
