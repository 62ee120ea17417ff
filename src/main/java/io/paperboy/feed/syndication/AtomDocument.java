package io.paperboy.feed.syndication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.output.XMLOutputter;

/**
 * An Atom 1.0 document (RFC 4287). Titles and abstracts are {@code type="text"}: Atom readers take
 * them as plain text, so XML's own escaping is all they need.
 */
final class AtomDocument {

	private AtomDocument() {
	}

	static String write(FeedChannel about, String pageUrl, String feedUrl, Instant updated, List<FeedItem> items) {
		Feed feed = new Feed("atom_1.0");
		feed.setId(feedUrl);
		feed.setTitleEx(text(about.title()));
		feed.setSubtitle(text(about.description()));
		feed.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", pageUrl))));
		feed.setOtherLinks(new ArrayList<>(List.of(link("self", FeedFormat.ATOM.type(), feedUrl))));
		// the feed's author stands in for the authors of a paper that names none: Atom wants one per entry
		feed.setAuthors(new ArrayList<>(List.of(person("Paperboy"))));
		Generator generator = new Generator();
		generator.setValue("Paperboy");
		feed.setGenerator(generator);
		feed.setUpdated(Date.from(updated));
		feed.setEntries(items.stream().map((item) -> entry(item, updated)).toList());
		try {
			XMLOutputter output = new XMLOutputter(FeedWriter.xmlFormat());
			return output.outputString(new WireFeedOutput().outputJDom(feed));
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the Atom feed " + feedUrl, ex);
		}
	}

	private static Entry entry(FeedItem item, Instant feedUpdated) {
		Entry entry = new Entry();
		entry.setId(item.id());
		entry.setTitleEx(text(item.title()));
		entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", item.link()))));
		entry.setAuthors(new ArrayList<>(item.authors().stream().map(AtomDocument::person).toList()));
		entry.setSummary(text(item.summary()));
		Date date = Date.from((item.date() != null) ? item.date() : feedUpdated);
		entry.setPublished(date);
		entry.setUpdated(date);
		entry.setCategories(new ArrayList<>(item.categories().stream().map(AtomDocument::category).toList()));
		return entry;
	}

	private static Content text(String value) {
		Content content = new Content();
		content.setType(Content.TEXT);
		content.setValue(value);
		return content;
	}

	private static Link link(String rel, String type, String href) {
		Link link = new Link();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

	private static SyndPerson person(String name) {
		Person person = new Person();
		person.setName(name);
		return person;
	}

	private static Category category(String term) {
		Category category = new Category();
		category.setTerm(term);
		category.setScheme(FeedItem.ARXIV_CATEGORIES);
		return category;
	}

}
