package io.paperboy.feed;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.paperboy.HeapShare;
import io.paperboy.catalog.PaperListing;
import io.paperboy.feed.syndication.FeedChannel;
import io.paperboy.feed.syndication.FeedFormat;
import io.paperboy.feed.syndication.FeedWriter;
import io.paperboy.web.SharedAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The lists as RSS 2.0 and Atom 1.0 feeds, each at its page's address plus {@code /feed.xml} or
 * {@code /feed.atom}. Like the pages, a feed is written once per version of its list and then sent
 * as it is, gzipped to clients that accept it (see {@link Renditions}), with an entity tag that
 * answers a reader's {@code If-None-Match} with {@code 304}; to anonymous readers ahead of the
 * sign-in machinery (see {@link SharedAnswers}).
 */
@Controller
class SyndicationController implements SharedAnswers {

	private static final String FEED = "feed.{extension:" + FeedFormat.EXTENSIONS + "}";

	/** Room for a couple of hundred feeds, which are 10 to 150 kB each (a busy week, with abstracts). */
	private static final long WRITTEN_BYTES = 16 * 1024 * 1024;

	private final FeedService feed;

	private final FeedWriter writer;

	private final Trending trending;

	private final TrendingProperties trendingProperties;

	private final Renditions<Key, EncodedBody> documents = new Renditions<>(HeapShare.of(WRITTEN_BYTES), EncodedBody::size);

	SyndicationController(FeedService feed, FeedWriter writer, Trending trending,
			TrendingProperties trendingProperties) {
		this.feed = feed;
		this.writer = writer;
		this.trending = trending;
		this.trendingProperties = trendingProperties;
	}

	@Override
	public List<String> patterns() {
		return List.of("/papers/trending/" + FEED, "/papers/" + FEED, "/papers/date/{date}/" + FEED,
				"/papers/week/{week}/" + FEED, "/papers/month/{month}/" + FEED);
	}

	@Override
	public ResponseEntity<byte[]> answer(String pattern, Map<String, String> variables, HttpServletRequest request) {
		String extension = variables.get("extension");
		String acceptEncoding = SharedRequests.header(request, HttpHeaders.ACCEPT_ENCODING);
		if (pattern.startsWith("/papers/trending/")) {
			return trending(extension, acceptEncoding);
		}
		if (pattern.startsWith("/papers/date/")) {
			return day(variables.get("date"), extension, acceptEncoding);
		}
		if (pattern.startsWith("/papers/week/")) {
			return week(variables.get("week"), extension, acceptEncoding);
		}
		if (pattern.startsWith("/papers/month/")) {
			return month(variables.get("month"), extension, acceptEncoding);
		}
		return daily(extension, acceptEncoding);
	}

	/** The trending list, in its order: the same papers as {@code /papers/trending}. */
	@GetMapping("/papers/trending/" + FEED)
	ResponseEntity<byte[]> trending(@PathVariable String extension,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		List<TrendingListing> ranked = this.trending.top(this.trendingProperties.pageSize());
		return respond(FeedChannel.trending(), extension, ranked,
				() -> ranked.stream().map(TrendingListing::listing).filter((listing) -> listing.entry() != null).toList(),
				acceptEncoding);
	}

	/** The latest day that has papers; empty (but valid) while the catalog is. */
	@GetMapping("/papers/" + FEED)
	ResponseEntity<byte[]> daily(@PathVariable String extension,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		DayPage latest = this.feed.latestDay().map(this.feed::day).orElse(null);
		return (latest != null) ? respond(FeedChannel.daily(), extension, latest, latest::listings, acceptEncoding)
				: respond(FeedChannel.daily(), extension, List.of(), List::of, acceptEncoding);
	}

	@GetMapping("/papers/date/{date}/" + FEED)
	ResponseEntity<byte[]> day(@PathVariable String date, @PathVariable String extension,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		DayPage page = this.feed.day(DailyPapersQuery.parseDate(date));
		return respond(FeedChannel.day(page.day()), extension, page, page::listings, acceptEncoding);
	}

	@GetMapping("/papers/week/{week}/" + FEED)
	ResponseEntity<byte[]> week(@PathVariable String week, @PathVariable String extension,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		LocalDate monday = DailyPapersQuery.parseWeek(week);
		List<PaperListing> listings = this.feed.period(monday, monday.plusDays(6));
		return respond(FeedChannel.week(monday), extension, listings,
				() -> FeedService.sorted(listings, FeedService.BY_UPVOTES), acceptEncoding);
	}

	/** A month's most upvoted papers ({@link FeedChannel#MONTH_ITEMS} of them). */
	@GetMapping("/papers/month/{month}/" + FEED)
	ResponseEntity<byte[]> month(@PathVariable String month, @PathVariable String extension,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		YearMonth yearMonth = DailyPapersQuery.parseMonth(month);
		List<PaperListing> listings = this.feed.period(yearMonth.atDay(1), yearMonth.atEndOfMonth());
		return respond(FeedChannel.month(yearMonth), extension, listings,
				() -> FeedService.sorted(listings, FeedService.BY_UPVOTES)
					.stream()
					.limit(FeedChannel.MONTH_ITEMS)
					.toList(),
				acceptEncoding);
	}

	/**
	 * The feed of {@code listings}, in the order given, written again only when {@code source}
	 * (the object FeedService returned the list in) is not the one the kept document was written
	 * from.
	 */
	private ResponseEntity<byte[]> respond(FeedChannel channel, String extension, Object source,
			Supplier<List<PaperListing>> listings, String acceptEncoding) {
		FeedFormat format = FeedFormat.ofExtension(extension);
		EncodedBody body = this.documents.get(new Key(channel.path(), format), source,
				() -> EncodedBody.of(this.writer.write(format, channel, listings.get())));
		return body.respond(format.mediaType(), acceptEncoding, HttpHeaders.EMPTY);
	}

	/** A feed is known by its page's path and its format. */
	private record Key(String path, FeedFormat format) {
	}

}
