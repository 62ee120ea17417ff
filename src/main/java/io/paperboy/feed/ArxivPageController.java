package io.paperboy.feed;

import java.util.regex.Pattern;

import io.paperboy.account.Viewer;
import io.paperboy.catalog.Catalog;
import io.paperboy.community.Votes;
import io.paperboy.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /papers/arxiv}: the newest papers on arXiv in the catalog, all or of one primary category
 * ({@code ?category=cs.CL}), 50 to a page ({@code ?p=2}).
 */
@Controller
class ArxivPageController {

	/** arXiv's category names: an archive, optionally a dot and a subject class (cs.CL, hep-th, math.AG). */
	private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]{0,19}(\\.[A-Za-z][A-Za-z-]{0,19})?");

	/** Categories offered as filters: enough for a lab's fields without a wall of links. */
	private static final int CATEGORY_CHOICES = 12;

	private final Catalog catalog;

	private final Votes votes;

	ArxivPageController(Catalog catalog, Votes votes) {
		this.catalog = catalog;
		this.votes = votes;
	}

	@GetMapping("/papers/arxiv")
	String newest(@RequestParam(required = false) String category, @RequestParam(name = "p", required = false) String p,
			Model model, HttpServletResponse response) {
		if (category != null && !CATEGORY.matcher(category).matches()) {
			throw new BadRequestException("category must be an arXiv category such as cs.CL, not \""
					+ ((category.length() > 40) ? category.substring(0, 40) + "…" : category) + "\"");
		}
		int number = PageNumbers.parse(p);
		long total = this.catalog.countPublished(category);
		ArxivPage page = new ArxivPage(category, this.catalog.busiestPrimaryCategories(CATEGORY_CHOICES),
				this.catalog.newestOnArxiv(category, (number - 1) * ArxivPage.CARDS_PER_PAGE, ArxivPage.CARDS_PER_PAGE),
				number, total);
		PageNumbers.requireWithin(number, page.pageCount());
		model.addAttribute("page", page);
		Viewer viewer = Viewer.current();
		model.addAttribute("ballot", this.votes.ballot(viewer, MemberPages.paperIds(page.cards())));
		if (!viewer.isAnonymous()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, MemberPages.HEADERS.getCacheControl());
		}
		return "feed/arxiv";
	}

}
