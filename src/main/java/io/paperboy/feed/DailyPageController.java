package io.paperboy.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.paperboy.HeapShare;
import io.paperboy.account.Viewer;
import io.paperboy.community.Ballot;
import io.paperboy.community.Votes;
import io.paperboy.web.SharedAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The daily list pages. A day's page is rendered once per version of its list (a list reloaded
 * unchanged keeps its rendition and its entity tag) and then sent as it is to every anonymous
 * visitor (see {@link Renditions}); a member's page shows their own votes, so
 * it is rendered for them alone and never kept (see {@link MemberPages}). Anonymous visitors are
 * answered ahead of the sign-in machinery (see {@link SharedAnswers}).
 */
@Controller
class DailyPageController implements SharedAnswers {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	/** Room for a few hundred day pages, which are 10 to 60 kB each. */
	private static final long RENDERED_BYTES = 16 * 1024 * 1024;

	private final FeedService feed;

	private final TemplateEngine templates;

	private final Votes votes;

	private final Clock clock;

	private final Renditions<RenditionKey, EncodedBody> pages = new Renditions<>(HeapShare.of(RENDERED_BYTES), EncodedBody::size);

	DailyPageController(FeedService feed, TemplateEngine templates, Votes votes, Clock clock) {
		this.feed = feed;
		this.templates = templates;
		this.votes = votes;
		this.clock = clock;
	}

	@Override
	public List<String> patterns() {
		return List.of("/papers", "/papers/date/{date}");
	}

	@Override
	public ResponseEntity<byte[]> answer(String pattern, Map<String, String> variables, HttpServletRequest request) {
		String acceptEncoding = SharedRequests.header(request, HttpHeaders.ACCEPT_ENCODING);
		return pattern.equals("/papers") ? latest(acceptEncoding) : day(variables.get("date"), acceptEncoding);
	}

	@GetMapping("/")
	String home() {
		return "redirect:/papers";
	}

	@GetMapping("/papers")
	ResponseEntity<byte[]> latest(@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		DayPage page = this.feed.latestDay().map(this.feed::day).orElse(new DayPage(null, List.of(), null, null));
		return html(page, "/papers", acceptEncoding);
	}

	@GetMapping("/papers/date/{date}")
	ResponseEntity<byte[]> day(@PathVariable String date,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		LocalDate day = DailyPapersQuery.parseDate(date);
		return html(this.feed.day(day), "/papers/date/" + day, acceptEncoding);
	}

	private ResponseEntity<byte[]> html(DayPage page, String path, String acceptEncoding) {
		Instant now = this.clock.instant();
		Viewer viewer = Viewer.current();
		if (!viewer.isAnonymous()) {
			Ballot ballot = this.votes.ballot(viewer, MemberPages.paperIds(page.listings()));
			return render(page, now, ballot).respond(HTML, acceptEncoding, MemberPages.HEADERS);
		}
		// rendered for an anonymous visitor of the page's own address, not of this request's: what
		// is kept must carry nothing of the request that rendered it
		Ballot anonymous = Ballot.anonymous(path);
		// The "new" badge depends on the time, not only on the list. For one version of a list the
		// badged cards only ever lose the badge (each 24 hours after it entered the list), so the
		// number of them names exactly which ones carry it: a badge disappears with the first
		// request after it expires, at the cost of one more rendering per paper.
		EncodedBody body = (page.day() != null)
				? this.pages.getByContent(new RenditionKey(path, page.newCards(now)), page, () -> render(page, now, anonymous))
				: render(page, now, anonymous);
		return body.respond(HTML, acceptEncoding, MemberPages.ANONYMOUS_HEADERS);
	}

	private EncodedBody render(DayPage page, Instant now, Ballot ballot) {
		Utf8ByteOutput output = new Utf8ByteOutput();
		this.templates.render("feed/day.jte", Map.of("page", page, "now", now, "ballot", ballot), output);
		return EncodedBody.of(output.toByteArray());
	}

	/**
	 * What a rendered day page depends on besides its list: its address (the latest day's list is
	 * also at {@code /papers}, where signing in comes back to) and how many of its cards are new.
	 */
	private record RenditionKey(String path, int newCards) {
	}

}
