package io.paperboy.feed;

import io.paperboy.account.Viewer;
import io.paperboy.catalog.AuthorSummary;
import io.paperboy.catalog.Catalog;
import io.paperboy.community.Votes;
import io.paperboy.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /authors/{name}}: the papers in the catalog that name an author, newest first,
 * {@value AuthorPage#CARDS_PER_PAGE} to a page ({@code ?p=2}). The name is matched whatever its
 * case, accents and spaces ({@code /authors/zoe%20angstrom} is Zoë Ångström's page).
 * <p>
 * Not among the {@link io.paperboy.web.SharedAnswers}: there are as many addresses as authors, each
 * visited rarely, so a kept answer would seldom be asked for again; the page costs two lookups
 * through the index of author names and the cards of one page.
 */
@Controller
class AuthorPageController {

	/** Longer than any name a paper gives (the column holds 500 characters). */
	private static final int LONGEST_NAME = 500;

	private final Catalog catalog;

	private final Votes votes;

	AuthorPageController(Catalog catalog, Votes votes) {
		this.catalog = catalog;
		this.votes = votes;
	}

	@GetMapping("/authors/{name}")
	String author(@PathVariable String name, @RequestParam(name = "p", required = false) String p, Model model,
			HttpServletResponse response) {
		int number = PageNumbers.parse(p);
		if (name.length() > LONGEST_NAME) {
			throw unknown(name);
		}
		AuthorSummary author = this.catalog.findAuthor(name).orElseThrow(() -> unknown(name));
		AuthorPage page = new AuthorPage(author, this.catalog.papersBy(name,
				(number - 1) * AuthorPage.CARDS_PER_PAGE, AuthorPage.CARDS_PER_PAGE), number);
		PageNumbers.requireWithin(number, page.pageCount());
		model.addAttribute("page", page);
		Viewer viewer = Viewer.current();
		model.addAttribute("ballot", this.votes.ballot(viewer, MemberPages.paperIds(page.cards())));
		if (!viewer.isAnonymous()) {
			// the cards show the member's own votes
			response.setHeader(HttpHeaders.CACHE_CONTROL, MemberPages.HEADERS.getCacheControl());
		}
		return "author";
	}

	private static NotFoundException unknown(String name) {
		return new NotFoundException("No paper in the catalog names an author \""
				+ ((name.length() > 80) ? name.substring(0, 80) + "…" : name) + "\".");
	}

}
