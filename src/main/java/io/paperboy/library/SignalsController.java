package io.paperboy.library;

import io.paperboy.account.Member;
import io.paperboy.account.Viewer;
import io.paperboy.catalog.Catalog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /settings/signals}: everything a member told the site, on one page, each removable where
 * it is their own choice, and {@code /settings/signals.json}, all of it to download. Behind the
 * members' rule of {@code web.SecurityConfiguration} ({@code /settings/**}).
 */
@Controller
class SignalsController {

	/** Of each kind, the page shows this many, the most recent; the download has all. */
	static final int SHOWN = 200;

	private final Signals signals;

	private final Library library;

	private final Catalog catalog;

	SignalsController(Signals signals, Library library, Catalog catalog) {
		this.signals = signals;
		this.library = library;
		this.catalog = catalog;
	}

	@GetMapping("/settings/signals")
	String signals(Member member, Model model) {
		MemberSignals all = this.signals.of(member.id());
		java.util.Set<String> ids = new java.util.HashSet<>();
		all.saved().stream().limit(SHOWN).forEach((saved) -> ids.add(saved.paperId()));
		all.notInterested().stream().limit(SHOWN).forEach((hidden) -> ids.add(hidden.paperId()));
		all.upvoted().stream().limit(SHOWN).forEach(ids::add);
		all.submitted().stream().limit(SHOWN).forEach(ids::add);
		model.addAttribute("page", new SignalsView(Viewer.current(), all, SHOWN, this.catalog.findPapers(ids),
				this.library.followed(member.id()), this.library.pickedCategories(member.id()), this.library.collections(member.id()),
				this.signals.comments(member.id(), SHOWN)));
		return "library/signals";
	}

	@GetMapping(path = "/settings/signals.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MemberData> download(Member member) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"paperboy-" + member.username() + ".json\"")
			.body(this.signals.export(member));
	}

}
