package io.paperboy.feed.syndication;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.paperboy.catalog.PaperListing;
import io.paperboy.web.SiteProperties;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;

import org.springframework.stereotype.Component;

/**
 * Writes a list of papers as an RSS 2.0 or Atom 1.0 document. Every absolute address in it is
 * built on {@code paperboy.base-url}. The document depends on nothing but the channel and the
 * papers (no clock), so the same list always gives the same bytes.
 */
@Component
public class FeedWriter {

	private final String baseUrl;

	public FeedWriter(SiteProperties site) {
		this.baseUrl = Objects.requireNonNull(site.baseUrl(), "paperboy.base-url must be set");
	}

	/**
	 * The feed of {@code listings}, in their order, as UTF-8 bytes.
	 * @param format RSS or Atom
	 * @param channel what the feed is and where it lives
	 * @param listings the papers, each with its daily entry when it has one
	 */
	public byte[] write(FeedFormat format, FeedChannel channel, List<PaperListing> listings) {
		List<FeedItem> items = listings.stream().map((listing) -> FeedItem.of(listing, this.baseUrl)).toList();
		Instant updated = items.stream()
			.map(FeedItem::date)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(channel.since());
		String pageUrl = this.baseUrl + channel.path();
		String feedUrl = this.baseUrl + channel.feedPath(format);
		String document = switch (format) {
			case RSS -> RssDocument.write(channel, pageUrl, feedUrl, updated, items);
			case ATOM -> AtomDocument.write(channel, pageUrl, feedUrl, updated, items);
		};
		return document.getBytes(StandardCharsets.UTF_8);
	}

	/** Indented, for people reading a feed with {@code curl}; UTF-8; Unix line ends. */
	static Format xmlFormat() {
		return Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX);
	}

}
