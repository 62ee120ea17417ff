package io.paperboy.foryou;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.paperboy.account.Member;
import io.paperboy.account.Viewer;
import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperListing;
import io.paperboy.community.Votes;
import io.paperboy.library.Library;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /papers/for-you}: the signed-in member's feed as cards, each with its reason, and, while the
 * member has given no signal, a cold start: a form to paste a few arXiv ids, which saves them to the
 * member's library. {@code web.SecurityConfiguration} sends anyone not signed in to sign in first.
 */
@Controller
class ForYouPageController {

	/** The most ids the cold-start form takes at once. */
	static final int MAX_IDS = 50;

	private final ForYou forYou;

	private final Catalog catalog;

	private final Votes votes;

	private final Library library;

	ForYouPageController(ForYou forYou, Catalog catalog, Votes votes, Library library) {
		this.forYou = forYou;
		this.catalog = catalog;
		this.votes = votes;
		this.library = library;
	}

	@GetMapping("/papers/for-you")
	String forYou(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Member member,
			Model model) {
		return page(member, this.forYou.window(from, to, null), "", null, model);
	}

	@PostMapping("/papers/for-you/start")
	String start(@RequestParam(defaultValue = "") String ids, Member member, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		List<String> words = List.of(ids.strip().split("[\\s,;]+")).stream().filter((word) -> !word.isEmpty()).toList();
		Set<String> parsed = new LinkedHashSet<>();
		List<String> invalid = new ArrayList<>();
		for (String word : words) {
			Optional<ArxivId> id = ArxivId.tryParse(word);
			if (id.isPresent()) {
				parsed.add(id.get().id());
			}
			else {
				invalid.add(word);
			}
		}
		String error = null;
		if (parsed.isEmpty() && invalid.isEmpty()) {
			error = "Paste at least one arXiv id, such as 2406.01574.";
		}
		else if (!invalid.isEmpty()) {
			error = "Not arXiv ids: " + String.join(", ", invalid) + ". Nothing was saved.";
		}
		else if (parsed.size() > MAX_IDS) {
			error = "At most " + MAX_IDS + " ids at once, not " + parsed.size() + ". Nothing was saved.";
		}
		else {
			Set<String> known = this.catalog.findPapers(parsed).keySet();
			List<String> unknown = parsed.stream().filter((id) -> !known.contains(id)).toList();
			if (!unknown.isEmpty()) {
				error = "Not on this site yet: " + String.join(", ", unknown) + ". Nothing was saved.";
			}
		}
		if (error != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(member, this.forYou.window(null, null, null), ids, error, model);
		}
		parsed.forEach((id) -> this.library.save(member.id(), id, true));
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(org.springframework.http.HttpHeaders.LOCATION, "/papers/for-you");
		return null;
	}

	private String page(Member member, ForYou.Window window, String ids, String error, Model model) {
		ForYou.Feed feed = this.forYou.feed(member.id(), window);
		Map<String, String> reasons = new LinkedHashMap<>();
		feed.items().forEach((item) -> reasons.put(item.paperId(), item.reason()));
		List<String> order = List.copyOf(reasons.keySet());
		Map<String, PaperListing> found = new LinkedHashMap<>();
		this.catalog.listingsOf(order).forEach((listing) -> found.put(listing.paper().id(), listing));
		List<PaperListing> papers = order.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
		ForYou.Window latest = papers.isEmpty() ? this.forYou.latestDayBefore(window).map(ForYou::endingOn).orElse(null)
				: null;
		model.addAttribute("page", new ForYouView(feed, papers, reasons, this.votes.ballot(Viewer.current(), order), ids,
				error, latest));
		return "foryou/for-you";
	}

}
