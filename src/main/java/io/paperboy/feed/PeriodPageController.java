package io.paperboy.feed;

import java.net.URI;
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
import io.paperboy.web.NotFoundException;
import io.paperboy.web.SharedAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The weekly and monthly pages: {@code /papers/week/2025-W23}, {@code /papers/month/2025-06}, and
 * {@code /papers/week}, {@code /papers/month} for the latest. Like day pages, each page of a period
 * is rendered once per version of its list and then sent as it is to every anonymous visitor (see
 * {@link Renditions}); members' pages are rendered for them alone (see {@link MemberPages}).
 * Anonymous visitors are answered ahead of the sign-in machinery (see {@link SharedAnswers}).
 */
@Controller
class PeriodPageController implements SharedAnswers {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	/** Room for a few hundred pages of 50 cards, which are about 60 kB each. */
	private static final long RENDERED_BYTES = 16 * 1024 * 1024;

	private final FeedService feed;

	private final TemplateEngine templates;

	private final Votes votes;

	private final Clock clock;

	private final Renditions<RenditionKey, EncodedBody> pages = new Renditions<>(HeapShare.of(RENDERED_BYTES), EncodedBody::size);

	PeriodPageController(FeedService feed, TemplateEngine templates, Votes votes, Clock clock) {
		this.feed = feed;
		this.templates = templates;
		this.votes = votes;
		this.clock = clock;
	}

	@Override
	public List<String> patterns() {
		return List.of("/papers/week/{week}", "/papers/month/{month}");
	}

	@Override
	public ResponseEntity<byte[]> answer(String pattern, Map<String, String> variables, HttpServletRequest request) {
		String page = SharedRequests.parameter(request, "p");
		String acceptEncoding = SharedRequests.header(request, HttpHeaders.ACCEPT_ENCODING);
		return pattern.equals("/papers/week/{week}") ? week(variables.get("week"), page, acceptEncoding)
				: month(variables.get("month"), page, acceptEncoding);
	}

	@GetMapping("/papers/week")
	ResponseEntity<byte[]> latestWeek() {
		return latest(Period.Kind.WEEK);
	}

	@GetMapping("/papers/month")
	ResponseEntity<byte[]> latestMonth() {
		return latest(Period.Kind.MONTH);
	}

	@GetMapping("/papers/week/{week}")
	ResponseEntity<byte[]> week(@PathVariable String week, @RequestParam(name = "p", required = false) String page,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		return html(Period.week(week), page, acceptEncoding);
	}

	@GetMapping("/papers/month/{month}")
	ResponseEntity<byte[]> month(@PathVariable String month, @RequestParam(name = "p", required = false) String page,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		return html(Period.month(month), page, acceptEncoding);
	}

	/**
	 * Redirects to the period of the latest day that has papers, so that the address names the
	 * period shown and can be shared. With no papers at all, to the current period, which says so.
	 */
	private ResponseEntity<byte[]> latest(Period.Kind kind) {
		LocalDate day = this.feed.latestDay().orElseGet(() -> LocalDate.now(this.clock));
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(Period.containing(kind, day).path())).build();
	}

	private ResponseEntity<byte[]> html(Period period, String page, String acceptEncoding) {
		PeriodPage periodPage = this.feed.periodPage(period);
		int number = pageNumber(page, periodPage);
		Instant now = this.clock.instant();
		Viewer viewer = Viewer.current();
		if (!viewer.isAnonymous()) {
			Ballot ballot = this.votes.ballot(viewer, MemberPages.paperIds(periodPage.cards(number)));
			return render(periodPage, number, now, ballot).respond(HTML, acceptEncoding, MemberPages.HEADERS);
		}
		Ballot anonymous = Ballot.anonymous(period.path() + ((number > 1) ? "?p=" + number : ""));
		// The "new" badge depends on the time, not only on the list. For one version of a list the
		// badged cards only ever lose the badge (each 24 hours after it entered the list), so the
		// number of them names exactly which ones carry it: a badge disappears with the first
		// request after it expires, at the cost of one more rendering per paper.
		RenditionKey key = new RenditionKey(period, number, periodPage.newCards(number, now));
		EncodedBody body = this.pages.getByContent(key, periodPage, () -> render(periodPage, number, now, anonymous));
		return body.respond(HTML, acceptEncoding, MemberPages.ANONYMOUS_HEADERS);
	}

	private static int pageNumber(String text, PeriodPage page) {
		int number = PageNumbers.parse(text);
		if (number > page.pageCount()) {
			throw new NotFoundException(page.period().header() + " has " + page.pageCount() + " page"
					+ ((page.pageCount() != 1) ? "s" : "") + " of papers; there is no page " + number + ".");
		}
		return number;
	}

	private EncodedBody render(PeriodPage page, int number, Instant now, Ballot ballot) {
		Utf8ByteOutput output = new Utf8ByteOutput();
		this.templates.render("feed/period.jte", Map.of("page", page, "number", number, "now", now, "ballot", ballot),
				output);
		return EncodedBody.of(output.toByteArray());
	}

	/** What a rendered page depends on besides its list: which page of it, and how many cards are new. */
	private record RenditionKey(Period period, int number, int newCards) {
	}

}
