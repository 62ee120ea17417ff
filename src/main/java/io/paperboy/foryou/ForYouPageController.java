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
import io.paperboy.library.PickedCategory;
import io.paperboy.search.PaperTitles;
import io.paperboy.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /papers/for-you}: the signed-in member's feed as cards, each with its reason, and, while the
 * member has given no signal, a cold start: a form to pick a few arXiv categories and to paste a few
 * arXiv ids or titles, which saves those papers to the member's library.
 * {@code web.SecurityConfiguration} sends anyone not signed in to sign in first.
 */
@Controller
class ForYouPageController {

	private static final Logger logger = LoggerFactory.getLogger(ForYouPageController.class);

	/** The most ids and titles the cold-start form takes at once. */
	static final int MAX_IDS = 50;

	/** The categories offered as checkboxes: the site's most common primary categories. */
	static final int OFFERED_CATEGORIES = 20;

	private final ForYou forYou;

	private final Catalog catalog;

	private final Votes votes;

	private final Library library;

	private final PaperTitles titles;

	ForYouPageController(ForYou forYou, Catalog catalog, Votes votes, Library library, PaperTitles titles) {
		this.forYou = forYou;
		this.catalog = catalog;
		this.votes = votes;
		this.library = library;
		this.titles = titles;
	}

	@GetMapping("/papers/for-you")
	String forYou(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Member member,
			Model model) {
		List<String> picked = this.library.pickedCategories(member.id()).stream().map(PickedCategory::category).toList();
		return page(member, this.forYou.window(from, to, null), new ColdStart("", picked, ""), null, model);
	}

	@PostMapping("/papers/for-you/start")
	String start(@RequestParam(defaultValue = "") String ids, @RequestParam(required = false) List<String> category,
			@RequestParam(defaultValue = "") String otherCategories, Member member, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		List<String> checked = (category != null) ? category : List.of();
		ColdStart form = new ColdStart(ids, checked, otherCategories);
		Set<String> categories = new LinkedHashSet<>(checked);
		words(otherCategories).forEach(categories::add);
		Pasted pasted = Pasted.of(ids);
		String error = null;
		if (pasted.ids().isEmpty() && pasted.titles().isEmpty() && pasted.invalid().isEmpty() && categories.isEmpty()) {
			error = "Pick a few categories, or paste at least one arXiv id or title, such as 2406.01574.";
		}
		else if (!pasted.invalid().isEmpty()) {
			error = "Not arXiv ids: " + String.join(", ", pasted.invalid()) + ". Nothing was saved.";
		}
		else if (pasted.ids().size() + pasted.titles().size() > MAX_IDS) {
			error = "At most " + MAX_IDS + " ids or titles at once, not " + (pasted.ids().size() + pasted.titles().size())
					+ ". Nothing was saved.";
		}
		Set<String> found = new LinkedHashSet<>();
		if (error == null) {
			error = lookUp(pasted, found);
		}
		if (error == null) {
			try {
				this.library.pickCategories(member.id(), categories);
			}
			catch (BadRequestException ex) {
				error = ex.getMessage() + " Nothing was saved.";
			}
		}
		if (error != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(member, this.forYou.window(null, null, null), form, error, model);
		}
		found.forEach((id) -> this.library.save(member.id(), id, true));
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(org.springframework.http.HttpHeaders.LOCATION, "/papers/for-you");
		return null;
	}

	/**
	 * Finds the pasted ids and titles in the catalog, adding the papers found to {@code found}; the
	 * reason when one is missing (then nothing is saved), or {@code null}.
	 */
	private String lookUp(Pasted pasted, Set<String> found) {
		Set<String> known = this.catalog.findPapers(pasted.ids()).keySet();
		List<String> unknown = pasted.ids().stream().filter((id) -> !known.contains(id)).toList();
		if (!unknown.isEmpty()) {
			return "Not on this site yet: " + String.join(", ", unknown) + ". Nothing was saved.";
		}
		found.addAll(pasted.ids());
		List<String> unmatched = new ArrayList<>();
		for (String title : pasted.titles()) {
			Optional<String> paper;
			try {
				paper = this.titles.find(title);
			}
			catch (RuntimeException ex) {
				logger.warn("Titles cannot be looked up", ex);
				return "Titles cannot be looked up right now (the search index is not ready); arXiv ids can. Nothing was saved.";
			}
			paper.ifPresentOrElse(found::add, () -> unmatched.add("“" + title + "”"));
		}
		if (!unmatched.isEmpty()) {
			return "No paper on this site has the title " + String.join(", ", unmatched)
					+ ". Check the title, or paste its arXiv id. Nothing was saved.";
		}
		return null;
	}

	private String page(Member member, ForYou.Window window, ColdStart form, String error, Model model) {
		ForYou.Feed feed = this.forYou.feed(member.id(), window);
		Map<String, String> reasons = new LinkedHashMap<>();
		feed.items().forEach((item) -> reasons.put(item.paperId(), item.reason()));
		List<String> order = List.copyOf(reasons.keySet());
		Map<String, PaperListing> found = new LinkedHashMap<>();
		this.catalog.listingsOf(order).forEach((listing) -> found.put(listing.paper().id(), listing));
		List<PaperListing> papers = order.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
		Set<String> offered = new LinkedHashSet<>(this.catalog.busiestPrimaryCategories(OFFERED_CATEGORIES));
		offered.addAll(form.categories());
		ForYou.Window latest = papers.isEmpty() ? this.forYou.latestDayBefore(window).map(ForYou::endingOn).orElse(null)
				: null;
		model.addAttribute("page", new ForYouView(feed, papers, reasons, this.votes.ballot(Viewer.current(), order),
				form.ids(), error, List.copyOf(offered), Set.copyOf(form.categories()), form.otherCategories(), latest));
		return "foryou/for-you";
	}

	private static List<String> words(String text) {
		return List.of(text.strip().split("[\\s,;]+")).stream().filter((word) -> !word.isEmpty()).toList();
	}

	/** What the cold-start form holds: the pasted text, the categories ticked, the categories typed. */
	private record ColdStart(String ids, List<String> categories, String otherCategories) {
	}

	/**
	 * The cold-start paste box read line by line: a line of arXiv ids or links (separated by spaces or
	 * commas) gives those ids; a line without any is a title; a line mixing the two is refused, naming
	 * the words that are not ids.
	 */
	record Pasted(Set<String> ids, List<String> titles, List<String> invalid) {

		static Pasted of(String text) {
			Set<String> ids = new LinkedHashSet<>();
			Set<String> titles = new LinkedHashSet<>();
			List<String> invalid = new ArrayList<>();
			for (String line : text.split("\\R")) {
				List<String> words = words(line);
				if (words.isEmpty()) {
					continue;
				}
				List<String> parsed = new ArrayList<>();
				List<String> others = new ArrayList<>();
				for (String word : words) {
					ArxivId.tryParse(word).ifPresentOrElse((id) -> parsed.add(id.id()), () -> others.add(word));
				}
				if (parsed.isEmpty()) {
					titles.add(line.strip().replaceAll("\\s+", " "));
				}
				else {
					ids.addAll(parsed);
					invalid.addAll(others);
				}
			}
			return new Pasted(ids, List.copyOf(titles), invalid);
		}

	}

}
