package io.paperboy.feed.syndication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.XMLOutputter;

import org.springframework.web.util.HtmlUtils;

/**
 * An RSS 2.0 document, following the RSS Advisory Board's Best Practices Profile where RSS itself
 * is vague about text:
 * <ul>
 * <li>An item's {@code description} is HTML in every reader, so the plain-text abstract is
 * HTML-escaped before it goes in: {@code <b>} in an abstract arrives as the text "&lt;b&gt;".</li>
 * <li>Titles and names are plain text, but readers disagree on whether to interpret them as HTML.
 * "&amp;", "&lt;" and "&gt;" in them are written as the hexadecimal character references
 * {@code &#x26;}, {@code &#x3C;} and {@code &#x3E;}, the form the profile found to read as text
 * in the most readers. (Atom says which texts are plain, so {@link AtomDocument} needs none of this.)</li>
 * <li>Authors are {@code dc:creator} elements, one per author: RSS's own {@code author} must be an
 * email address.</li>
 * </ul>
 */
final class RssDocument {

	private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

	/** A plain-text element as JDOM writes it: no attributes, no child elements. */
	private static final Pattern PLAIN_TEXT_ELEMENT = Pattern.compile("<(title|dc:creator)>([^<]*)</\\1>");

	private static final Pattern XML_ESCAPE = Pattern.compile("&(amp|lt|gt);");

	private RssDocument() {
	}

	static String write(FeedChannel about, String pageUrl, String feedUrl, Instant updated, List<FeedItem> items) {
		Channel channel = new Channel("rss_2.0");
		channel.setTitle(about.title());
		channel.setLink(pageUrl);
		channel.setDescription(about.description());
		channel.setLanguage("en");
		channel.setLastBuildDate(Date.from(updated));
		channel.setGenerator("Paperboy");
		// tells a reader the feed's own address, as the profile asks
		Element self = new Element("link", ATOM).setAttribute("href", feedUrl)
			.setAttribute("rel", "self")
			.setAttribute("type", FeedFormat.RSS.type());
		channel.setForeignMarkup(new ArrayList<>(List.of(self)));
		channel.setItems(items.stream().map(RssDocument::item).toList());
		try {
			XMLOutputter output = new XMLOutputter(FeedWriter.xmlFormat());
			return plainTextAsCharacterReferences(output.outputString(new WireFeedOutput().outputJDom(channel)));
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the RSS feed " + feedUrl, ex);
		}
	}

	private static Item item(FeedItem feedItem) {
		Item item = new Item();
		item.setTitle(feedItem.title());
		item.setLink(feedItem.link());
		Description description = new Description();
		description.setType("text/html");
		description.setValue(HtmlUtils.htmlEscape(feedItem.summary()));
		item.setDescription(description);
		if (feedItem.date() != null) {
			item.setPubDate(Date.from(feedItem.date()));
		}
		Guid guid = new Guid();
		// the id is an address, but not this item's page: the item's link is
		guid.setPermaLink(false);
		guid.setValue(feedItem.id());
		item.setGuid(guid);
		item.setCategories(feedItem.categories().stream().map(RssDocument::category).toList());
		DCModule dublinCore = new DCModuleImpl();
		dublinCore.setCreators(feedItem.authors());
		List<Module> modules = new ArrayList<>();
		modules.add(dublinCore);
		item.setModules(modules);
		return item;
	}

	private static Category category(String term) {
		Category category = new Category();
		category.setDomain(FeedItem.ARXIV_CATEGORIES);
		category.setValue(term);
		return category;
	}

	/**
	 * The document with "&amp;", "&lt;" and "&gt;" in plain-text elements written as hexadecimal
	 * character references. Both forms mean the same characters to an XML parser; the document
	 * stays the same XML.
	 */
	static String plainTextAsCharacterReferences(String xml) {
		Matcher element = PLAIN_TEXT_ELEMENT.matcher(xml);
		return element.replaceAll((match) -> Matcher.quoteReplacement("<" + match.group(1) + ">"
				+ XML_ESCAPE.matcher(match.group(2)).replaceAll(RssDocument::characterReference) + "</"
				+ match.group(1) + ">"));
	}

	private static String characterReference(MatchResult entity) {
		return switch (entity.group(1)) {
			case "amp" -> "&#x26;";
			case "lt" -> "&#x3C;";
			default -> "&#x3E;";
		};
	}

}
