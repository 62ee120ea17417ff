package io.paperboy.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.paperboy.HeapShare;
import io.paperboy.account.Viewer;
import io.paperboy.community.Ballot;
import io.paperboy.community.Votes;
import io.paperboy.stats.VoteHistory;
import io.paperboy.web.SharedAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * {@code /papers/trending}: the highest-ranked papers. The page is rendered once per version of the
 * list and then sent as it is to every anonymous visitor (see {@link Renditions}); members' pages are
 * rendered for them alone (see {@link MemberPages}). Anonymous visitors are answered ahead of the
 * sign-in machinery (see {@link SharedAnswers}).
 */
@Controller
class TrendingPageController implements SharedAnswers {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	/** One page, of 10 to 60 kB. */
	private static final long RENDERED_BYTES = 1024 * 1024;

	private final Trending trending;

	private final TrendingProperties properties;

	private final TemplateEngine templates;

	private final VoteHistory history;

	private final Votes votes;

	private final Clock clock;

	private final Renditions<Integer, EncodedBody> pages = new Renditions<>(HeapShare.of(RENDERED_BYTES), EncodedBody::size);

	TrendingPageController(Trending trending, TrendingProperties properties, TemplateEngine templates,
			VoteHistory history, Votes votes, Clock clock) {
		this.trending = trending;
		this.properties = properties;
		this.templates = templates;
		this.history = history;
		this.votes = votes;
		this.clock = clock;
	}

	@Override
	public List<String> patterns() {
		return List.of("/papers/trending");
	}

	@Override
	public ResponseEntity<byte[]> answer(String pattern, Map<String, String> variables, HttpServletRequest request) {
		return trending(SharedRequests.header(request, HttpHeaders.ACCEPT_ENCODING));
	}

	@GetMapping("/papers/trending")
	ResponseEntity<byte[]> trending(@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		List<TrendingListing> listings = this.trending.top(this.properties.pageSize());
		Instant now = this.clock.instant();
		Viewer viewer = Viewer.current();
		if (!viewer.isAnonymous()) {
			Ballot ballot = this.votes.ballot(viewer,
					MemberPages.paperIds(listings.stream().map(TrendingListing::listing).toList()));
			return render(page(listings, now), ballot).respond(HTML, acceptEncoding, MemberPages.HEADERS);
		}
		// kept per number of "new" badges, as day pages are (see DailyPageController); sparklines are
		// read once per rendering, in one query for the whole page
		EncodedBody body = this.pages.get(TrendingPage.newCards(listings, now), listings,
				() -> render(page(listings, now), Ballot.anonymous("/papers/trending")));
		return body.respond(HTML, acceptEncoding, MemberPages.ANONYMOUS_HEADERS);
	}

	private TrendingPage page(List<TrendingListing> listings, Instant now) {
		return new TrendingPage(listings, this.trending.halfLife(), this.trending.newAccountAge(),
				this.history.sparklines(listings.stream().map((item) -> item.listing().paper().id()).toList(),
						TrendingPage.SPARKLINE_DAYS),
				now);
	}

	private EncodedBody render(TrendingPage page, Ballot ballot) {
		Utf8ByteOutput output = new Utf8ByteOutput();
		this.templates.render("feed/trending.jte", Map.of("page", page, "ballot", ballot), output);
		return EncodedBody.of(output.toByteArray());
	}

}
