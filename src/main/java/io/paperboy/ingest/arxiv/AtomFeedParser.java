package io.paperboy.ingest.arxiv;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.PaperVersion;

/**
 * Reads the Atom feeds of arXiv's API. A streaming reader with DTDs and external entities switched
 * off: a feed can neither read local files nor make the parser fetch anything.
 */
final class AtomFeedParser {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static final String ARXIV = "http://arxiv.org/schemas/atom";

	static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

	private static final XMLInputFactory FACTORY = createFactory();

	private AtomFeedParser() {
	}

	private static XMLInputFactory createFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	/**
	 * Reads a feed.
	 * @param status the HTTP status it came with, kept in errors
	 * @throws ArxivApiException when the text is not an Atom feed (HTML, truncated, malformed), or
	 * when it is arXiv's error feed (an entry under {@code https://arxiv.org/api/errors})
	 */
	static ArxivFeed parse(String body, int status) {
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty()) {
			throw new ArxivApiException("arXiv answered with an empty body instead of an Atom feed", status, null);
		}
		if (looksLikeHtml(text)) {
			throw new ArxivApiException("arXiv answered with an HTML page instead of an Atom feed: " + htmlTitle(text),
					status, null);
		}
		try {
			XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(text));
			try {
				return readFeed(reader, status);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			Location at = ex.getLocation();
			String where = (at != null) ? " at line " + at.getLineNumber() + ", column " + at.getColumnNumber() : "";
			ArxivApiException malformed = new ArxivApiException(
					"arXiv answered with malformed XML" + where + ": " + reason(ex), status, null);
			// kept for the log, not as the cause: the parser's own message repeats ours over two lines
			malformed.addSuppressed(ex);
			throw malformed;
		}
	}

	private static ArxivFeed readFeed(XMLStreamReader reader, int status) throws XMLStreamException {
		reader.nextTag();
		if (!ATOM.equals(reader.getNamespaceURI()) || !"feed".equals(reader.getLocalName())) {
			throw new ArxivApiException("arXiv answered with <" + reader.getLocalName() + "> instead of an Atom feed",
					status, null);
		}
		long total = -1;
		long start = 0;
		long perPage = 0;
		List<ArxivEntry> entries = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		int position = 0;
		while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String namespace = reader.getNamespaceURI();
			String name = reader.getLocalName();
			if (OPENSEARCH.equals(namespace)) {
				long value = number(reader.getElementText(), name);
				switch (name) {
					case "totalResults" -> total = value;
					case "startIndex" -> start = value;
					case "itemsPerPage" -> perPage = value;
					default -> {
					}
				}
			}
			else if (ATOM.equals(namespace) && "entry".equals(name)) {
				position++;
				RawEntry entry = readEntry(reader);
				if (entry.isError()) {
					errors.add((entry.summary != null) ? entry.summary.strip() : entry.id);
				}
				else {
					entry.toEntry(position).ifPresentOrElse(entries::add, () -> rejected.add(entry.rejection));
				}
			}
			else {
				skip(reader);
			}
		}
		if (!errors.isEmpty()) {
			throw new ArxivApiException("arXiv refused the request: " + String.join("; ", errors), status, null);
		}
		return new ArxivFeed((total >= 0) ? total : entries.size() + rejected.size(), start, perPage, entries,
				rejected);
	}

	private static RawEntry readEntry(XMLStreamReader reader) throws XMLStreamException {
		RawEntry entry = new RawEntry();
		while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String namespace = reader.getNamespaceURI();
			String name = reader.getLocalName();
			if (ATOM.equals(namespace)) {
				switch (name) {
					case "id" -> entry.id = reader.getElementText().strip();
					case "title" -> entry.title = reader.getElementText();
					case "summary" -> entry.summary = reader.getElementText();
					case "published" -> entry.published = reader.getElementText().strip();
					case "updated" -> entry.updated = reader.getElementText().strip();
					case "category" -> {
						addTerm(reader, entry.categories);
						skip(reader);
					}
					case "link" -> {
						entry.links.add(new RawLink(reader.getAttributeValue(null, "href"),
								reader.getAttributeValue(null, "rel"), reader.getAttributeValue(null, "title"),
								reader.getAttributeValue(null, "type")));
						skip(reader);
					}
					case "author" -> entry.authors.add(readAuthor(reader));
					default -> skip(reader);
				}
			}
			else if (ARXIV.equals(namespace)) {
				switch (name) {
					case "primary_category" -> {
						entry.primaryCategory = reader.getAttributeValue(null, "term");
						skip(reader);
					}
					case "comment" -> entry.comment = reader.getElementText();
					case "journal_ref" -> entry.journalRef = reader.getElementText();
					case "doi" -> entry.doi = reader.getElementText();
					default -> skip(reader);
				}
			}
			else {
				skip(reader);
			}
		}
		return entry;
	}

	private static Author readAuthor(XMLStreamReader reader) throws XMLStreamException {
		String name = "";
		List<String> affiliations = new ArrayList<>();
		while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
			if (ATOM.equals(reader.getNamespaceURI()) && "name".equals(reader.getLocalName())) {
				name = reader.getElementText().strip();
			}
			else if (ARXIV.equals(reader.getNamespaceURI()) && "affiliation".equals(reader.getLocalName())) {
				String affiliation = reader.getElementText().strip();
				if (!affiliation.isEmpty()) {
					affiliations.add(affiliation);
				}
			}
			else {
				skip(reader);
			}
		}
		return Author.fromArxiv(name, affiliations);
	}

	private static void addTerm(XMLStreamReader reader, Set<String> categories) {
		String term = reader.getAttributeValue(null, "term");
		if (term != null && !term.isBlank()) {
			categories.add(term.strip());
		}
	}

	/** Skips the element the reader is on, with everything inside it. */
	private static void skip(XMLStreamReader reader) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = reader.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	private static long number(String text, String element) throws XMLStreamException {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new XMLStreamException("opensearch:" + element + " is not a number: '" + text.strip() + "'");
		}
	}

	private static boolean looksLikeHtml(String text) {
		String start = text.substring(0, Math.min(text.length(), 200)).toLowerCase(Locale.ROOT);
		return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<html");
	}

	private static String htmlTitle(String html) {
		String lower = html.toLowerCase(Locale.ROOT);
		int open = lower.indexOf("<title>");
		int close = lower.indexOf("</title>");
		if (open >= 0 && close > open) {
			return "'" + html.substring(open + 7, close).strip() + "'";
		}
		return "'" + html.substring(0, Math.min(html.length(), 80)).replaceAll("\\s+", " ") + "'";
	}

	private static String reason(XMLStreamException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "unreadable";
		// the JDK's messages start with "ParseError at [row,col]:[x,y]\nMessage: ..."
		int at = message.indexOf("Message: ");
		return (at >= 0) ? message.substring(at + 9).strip() : message.strip();
	}

	/** An entry as read, before it is checked. */
	private static final class RawEntry {

		String id;

		String title;

		String summary;

		String published;

		String updated;

		String primaryCategory;

		String comment;

		String journalRef;

		String doi;

		final Set<String> categories = new LinkedHashSet<>();

		final List<Author> authors = new ArrayList<>();

		final List<RawLink> links = new ArrayList<>();

		String rejection;

		boolean isError() {
			return this.id != null && (this.id.startsWith("https://arxiv.org/api/errors")
					|| this.id.startsWith("http://arxiv.org/api/errors"));
		}

		Optional<ArxivEntry> toEntry(int position) {
			String label = "entry " + position + ((this.id != null) ? " (" + this.id + ")" : "");
			Optional<ArxivId> arxivId = ArxivId.tryParse(this.id);
			if (arxivId.isEmpty()) {
				return reject(label + ": " + ((this.id == null) ? "no id" : "the id is not an arXiv id"));
			}
			if (!arxivId.get().hasVersion()) {
				return reject(label + ": the id carries no version");
			}
			if (this.title == null || this.title.isBlank()) {
				return reject(label + ": no title");
			}
			Instant publishedAt;
			Instant updatedAt;
			try {
				publishedAt = instant(this.published, "published");
				updatedAt = (this.updated != null) ? instant(this.updated, "updated") : publishedAt;
			}
			catch (IllegalArgumentException ex) {
				return reject(label + ": " + ex.getMessage());
			}
			int version = arxivId.get().version();
			List<PaperVersion> versions = new ArrayList<>();
			// <published> is version 1's submission; the API tells nothing of versions in between
			versions.add(new PaperVersion(1, publishedAt, null));
			if (version > 1) {
				versions.add(new PaperVersion(version, updatedAt, null));
			}
			Set<String> categories = new LinkedHashSet<>();
			if (this.primaryCategory != null && !this.primaryCategory.isBlank()) {
				categories.add(this.primaryCategory.strip());
			}
			categories.addAll(this.categories);
			ArxivRecord record = new ArxivRecord(arxivId.get().id(), version, this.title.strip(),
					(this.summary != null) ? this.summary.strip() : "", this.authors, List.copyOf(categories),
					publishedAt, updatedAt, optional(this.comment), optional(this.journalRef), optional(this.doi), null,
					versions);
			return Optional.of(new ArxivEntry(record, link("alternate", null), link("related", "pdf"),
					link("related", "doi")));
		}

		private Optional<ArxivEntry> reject(String reason) {
			this.rejection = reason;
			return Optional.empty();
		}

		private URI link(String rel, String title) {
			for (RawLink link : this.links) {
				String linkRel = (link.rel() != null) ? link.rel() : "alternate";
				boolean titled = (title == null) || title.equals(link.title())
						|| ("pdf".equals(title) && "application/pdf".equals(link.type()));
				if (rel.equals(linkRel) && titled && link.href() != null) {
					try {
						return new URI(link.href().strip());
					}
					catch (URISyntaxException ex) {
						return null;
					}
				}
			}
			return null;
		}

		private static Instant instant(String text, String element) {
			if (text == null || text.isBlank()) {
				throw new IllegalArgumentException("no <" + element + "> time");
			}
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("<" + element + "> is not a time: '" + text + "'");
			}
		}

		private static String optional(String text) {
			return (text == null || text.isBlank()) ? null : text.strip();
		}

	}

	private record RawLink(String href, String rel, String title, String type) {
	}

}
