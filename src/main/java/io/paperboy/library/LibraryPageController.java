package io.paperboy.library;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paperboy.account.Member;
import io.paperboy.account.Viewer;
import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.community.Votes;
import io.paperboy.web.BadRequestException;
import io.paperboy.web.SafeRedirect;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's library and collections as pages and forms that work without JavaScript: every form
 * posts (with its CSRF token) and sends the member back (303) to the page it was on, named by its
 * {@code back} field. {@code web.SecurityConfiguration} sends anyone not signed in to sign in first.
 */
@Controller
class LibraryPageController {

	/** Papers on one page of the library. */
	static final int PAGE = 30;

	static final MediaType BIBTEX = new MediaType("application", "x-bibtex", StandardCharsets.UTF_8);

	static final MediaType RIS = new MediaType("application", "x-research-info-systems", StandardCharsets.UTF_8);

	private final Library library;

	private final Catalog catalog;

	private final Votes votes;

	private final LibraryLimit limit;

	LibraryPageController(Library library, Catalog catalog, Votes votes, LibraryLimit limit) {
		this.library = library;
		this.catalog = catalog;
		this.votes = votes;
		this.limit = limit;
	}

	@GetMapping("/library")
	String library(@RequestParam(required = false) Long collection, @RequestParam(defaultValue = "1") int page,
			Member member, Model model) {
		if (page < 1) {
			throw new BadRequestException("page counts from 1.");
		}
		List<PaperCollection> collections = this.library.collections(member.id());
		List<String> ids;
		long total;
		PaperCollection shown = null;
		Map<String, String> notes = new LinkedHashMap<>();
		if (collection != null) {
			shown = this.library.collection(member.id(), collection);
			List<CollectionItem> items = this.library.items(collection);
			items.forEach((item) -> notes.put(item.paperId(), item.note()));
			total = items.size();
			ids = items.stream().skip((long) (page - 1) * PAGE).limit(PAGE).map(CollectionItem::paperId).toList();
		}
		else {
			total = this.library.countSaved(member.id());
			ids = this.library.saved(member.id(), (page - 1) * PAGE, PAGE).stream().map(TimedPaper::paperId).toList();
		}
		List<PaperListing> papers = inOrder(ids);
		int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
		model.addAttribute("page", new LibraryView(papers, total, page, pages, collections, shown, notes,
				this.votes.ballot(Viewer.current(), ids)));
		return "library/library";
	}

	@GetMapping("/library.{extension:bib|ris}")
	ResponseEntity<String> export(@PathVariable String extension, Member member) {
		List<String> ids = this.library.allSaved(member.id()).stream().map(TimedPaper::paperId).toList();
		java.util.Set<String> hidden = this.library.notInterestedIds(member.id());
		ids = ids.stream().filter((id) -> !hidden.contains(id)).toList();
		return citations(extension, "library", ids, Map.of());
	}

	@GetMapping("/library/collections/{id:\\d+}.{extension:bib|ris}")
	ResponseEntity<String> exportCollection(@PathVariable long id, @PathVariable String extension, Member member) {
		PaperCollection collection = this.library.collection(member.id(), id);
		return citationsOf(collection, extension, this.library.items(id));
	}

	ResponseEntity<String> citationsOf(PaperCollection collection, String extension, List<CollectionItem> items) {
		Map<String, String> notes = new LinkedHashMap<>();
		items.forEach((item) -> notes.put(item.paperId(), item.note()));
		return citations(extension, collection.slug(), List.copyOf(notes.keySet()), notes);
	}

	private ResponseEntity<String> citations(String extension, String name, List<String> ids, Map<String, String> notes) {
		Map<String, Paper> papers = this.catalog.findPapers(ids);
		List<Citations.Cited> cited = Citations.cite(ids, papers, notes);
		boolean bib = extension.equals("bib");
		return ResponseEntity.ok()
			.contentType(bib ? BIBTEX : RIS)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + extension + "\"")
			.body(bib ? Citations.bibtex(cited) : Citations.ris(cited));
	}

	// the buttons' forms

	@PostMapping("/library/saves")
	ResponseEntity<Void> save(@RequestParam String paper, @RequestParam(required = false) String save,
			@RequestParam(required = false) String back, Member member) {
		this.limit.take(member);
		String id = ArxivId.parse(paper).id();
		if (save == null) {
			this.library.toggleSave(member.id(), id);
		}
		else {
			this.library.save(member.id(), id, choice(save, "save"));
		}
		return seeOther(back, "/papers/" + id);
	}

	@PostMapping("/library/not-interested")
	ResponseEntity<Void> notInterested(@RequestParam String paper, @RequestParam(defaultValue = "add") String mark,
			@RequestParam(required = false) String back, Member member) {
		this.limit.take(member);
		String id = ArxivId.parse(paper).id();
		this.library.notInterested(member.id(), id, choice(mark, "mark"));
		return seeOther(back, "/papers/" + id);
	}

	@PostMapping("/library/follows")
	ResponseEntity<Void> follow(@RequestParam String name, @RequestParam(defaultValue = "add") String follow,
			@RequestParam(required = false) String back, Member member) {
		this.limit.take(member);
		FollowState state = this.library.follow(member.id(), name, choice(follow, "follow"));
		return seeOther(back, io.paperboy.catalog.Author.pagePath(state.name()));
	}

	/** Takes a category out of the member's picked categories ({@code /settings/signals}). */
	@PostMapping("/library/categories")
	ResponseEntity<Void> unpickCategory(@RequestParam String category, @RequestParam(required = false) String back,
			Member member) {
		this.library.unpickCategory(member.id(), category);
		return seeOther(back, "/settings/signals");
	}

	// collections

	@GetMapping("/library/collections")
	String collections(Member member, Model model) {
		model.addAttribute("collections", this.library.collections(member.id()));
		model.addAttribute("viewer", Viewer.current());
		return "library/collections";
	}

	@PostMapping("/library/collections")
	ResponseEntity<Void> create(@RequestParam(required = false) String name, @RequestParam(required = false) String slug,
			@RequestParam(required = false) String description, @RequestParam(defaultValue = "false") boolean isPublic,
			Member member) {
		this.limit.take(member);
		PaperCollection collection = this.library.createCollection(member.id(), name, slug, description, isPublic);
		return seeOther(null, collection.editPath());
	}

	@GetMapping("/library/collections/{id:\\d+}")
	String collection(@PathVariable long id, Member member, Model model) {
		PaperCollection collection = this.library.collection(member.id(), id);
		model.addAttribute("page", view(member.user(), collection, true));
		return "library/collection";
	}

	CollectionView view(io.paperboy.account.User owner, PaperCollection collection, boolean mine) {
		List<CollectionItem> items = this.library.items(collection.id());
		Map<String, String> notes = new LinkedHashMap<>();
		items.forEach((item) -> notes.put(item.paperId(), item.note()));
		List<String> ids = List.copyOf(notes.keySet());
		return new CollectionView(owner, collection, inOrder(ids), notes, this.votes.ballot(Viewer.current(), ids), mine);
	}

	@PostMapping("/library/collections/{id:\\d+}")
	ResponseEntity<Void> update(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String slug, @RequestParam(required = false) String description,
			@RequestParam(defaultValue = "false") boolean isPublic, Member member) {
		this.limit.take(member);
		PaperCollection collection = this.library.updateCollection(member.id(), id, (name != null) ? name : "",
				slug, description, isPublic);
		return seeOther(null, collection.editPath());
	}

	@PostMapping("/library/collections/{id:\\d+}/delete")
	ResponseEntity<Void> delete(@PathVariable long id, Member member) {
		this.limit.take(member);
		this.library.deleteCollection(member.id(), id);
		return seeOther(null, "/library/collections");
	}

	@PostMapping("/library/collections/{id:\\d+}/papers")
	ResponseEntity<Void> add(@PathVariable long id, @RequestParam String paper, @RequestParam(required = false) String note,
			@RequestParam(required = false) String back, Member member) {
		this.limit.take(member);
		this.library.addToCollection(member.id(), id, ArxivId.parse(paper).id(), note);
		return seeOther(back, "/library/collections/" + id);
	}

	/** The library page's "Add to" form, which names the collection in a field. */
	@PostMapping("/library/collections/add")
	ResponseEntity<Void> addTo(@RequestParam long collection, @RequestParam String paper,
			@RequestParam(required = false) String back, Member member) {
		// counted once, by add
		return add(collection, paper, null, back, member);
	}

	@PostMapping("/library/collections/{id:\\d+}/notes")
	ResponseEntity<Void> note(@PathVariable long id, @RequestParam String paper, @RequestParam(required = false) String note,
			Member member) {
		this.limit.take(member);
		this.library.setNote(member.id(), id, ArxivId.parse(paper).id(), (note != null) ? note : "");
		return seeOther(null, "/library/collections/" + id);
	}

	@PostMapping("/library/collections/{id:\\d+}/remove")
	ResponseEntity<Void> remove(@PathVariable long id, @RequestParam String paper, Member member) {
		this.limit.take(member);
		this.library.removeFromCollection(member.id(), id, ArxivId.parse(paper).id());
		return seeOther(null, "/library/collections/" + id);
	}

	/** The listings of these papers, in this order. */
	List<PaperListing> inOrder(List<String> ids) {
		Map<String, PaperListing> found = new LinkedHashMap<>();
		this.catalog.listingsOf(ids).forEach((listing) -> found.put(listing.paper().id(), listing));
		return ids.stream().filter(found::containsKey).map(found::get).toList();
	}

	private static boolean choice(String value, String field) {
		return switch (value) {
			case "add" -> true;
			case "remove" -> false;
			default -> throw new BadRequestException(field + " must be \"add\" or \"remove\".");
		};
	}

	private static ResponseEntity<Void> seeOther(String back, String otherwise) {
		String location = (back != null) ? SafeRedirect.path(back) : otherwise;
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
	}

}
