package io.paperboy.feed.syndication;

import java.time.Instant;
import java.util.List;

import io.paperboy.catalog.Author;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.catalog.Text;
import org.jdom2.Verifier;

/**
 * What a feed item says about a paper, the same in both formats. Texts are plain text (never
 * markup): each format's writer encodes them as its readers expect.
 *
 * @param id the item's permanent id: the paper's arXiv address, which depends on nothing but the
 * paper. It stays the same across runs, across feeds (the day's, the week's, trending), and if the
 * site's base URL changes, so a feed reader never shows a paper twice
 * @param title the title on one line
 * @param link the paper's page on this site
 * @param authors the authors' names, in the paper's order
 * @param summary the abstract on one line
 * @param date when the paper entered the daily list (when it is on none: when arXiv published it;
 * {@code null} when neither is known)
 * @param categories arXiv categories, primary first
 */
record FeedItem(String id, String title, String link, List<String> authors, String summary, Instant date,
		List<String> categories) {

	/**
	 * The scheme arXiv's own Atom API gives its categories, used here for the same terms.
	 */
	static final String ARXIV_CATEGORIES = "http://arxiv.org/schemas/atom";

	static FeedItem of(PaperListing listing, String baseUrl) {
		Paper paper = listing.paper();
		Instant date = (listing.entry() != null) ? listing.entry().submittedAt() : paper.publishedAt();
		return new FeedItem(paper.arxivUrl(), plainText(paper.title()), baseUrl + "/papers/" + paper.id(),
				paper.authors().stream().map(Author::name).map(FeedItem::plainText).toList(),
				plainText(paper.summary()), date, paper.categories());
	}

	/** The text on one line (as pages show it), with nothing XML cannot carry. */
	private static String plainText(String text) {
		return Text.unwrap(xmlText((text != null) ? text : ""));
	}

	/**
	 * The text without the characters XML 1.0 cannot carry at all, escaped or not (most control
	 * characters, unpaired surrogates, U+FFFE and U+FFFF): one stray control character in an
	 * abstract must not make a whole feed unwritable.
	 */
	static String xmlText(String text) {
		if (text.codePoints().allMatch(Verifier::isXMLCharacter)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().filter(Verifier::isXMLCharacter).forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
