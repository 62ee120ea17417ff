package io.paperboy.ingest.oai;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.PaperVersion;

/**
 * Reads one OAI-PMH {@code ListRecords} answer from arXiv, in the {@code arXiv} format
 * ({@code http://arxiv.org/OAI/arXiv/}: structured authors with affiliations, created and updated
 * dates, no version numbers) or the {@code arXivRaw} format ({@code http://arxiv.org/OAI/arXivRaw/}:
 * every version with its date and size, authors as one line of text). A record that cannot be used
 * is left out with its reason; an answer that is not an OAI-PMH document fails whole.
 * <p>
 * The XML reader resolves no DTD and no external entity: the answer comes from the network.
 */
final class OaiResponseParser {

	private static final XMLInputFactory FACTORY = secureFactory();

	private static final Pattern VERSION = Pattern.compile("v(\\d{1,4})");

	private static final String IDENTIFIER_PREFIX = "oai:arXiv.org:";

	private OaiResponseParser() {
	}

	private static XMLInputFactory secureFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	/**
	 * @throws OaiErrorException when the answer is an OAI-PMH error
	 * @throws MalformedResponseException when the answer is not an OAI-PMH document
	 */
	static OaiResponse parse(String body) {
		try {
			XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(body));
			try {
				return read(reader);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new MalformedResponseException("The answer is not well-formed XML ("
					+ ((ex.getLocation() != null) ? "line " + ex.getLocation().getLineNumber() + ": " : "")
					+ firstLine(ex.getMessage()) + "); it begins: " + excerpt(body), ex);
		}
	}

	private static OaiResponse read(XMLStreamReader reader) throws XMLStreamException {
		while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
			// prologue, comments, an ignored DTD
		}
		if (!reader.isStartElement() || !"OAI-PMH".equals(reader.getLocalName())) {
			throw new MalformedResponseException("The answer is not an OAI-PMH document (its root is <"
					+ (reader.isStartElement() ? reader.getLocalName() : "nothing") + ">)", null);
		}
		Page page = new Page();
		List<Node> errors = new ArrayList<>();
		boolean listed = false;
		while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
			switch (reader.getLocalName()) {
				case "error" -> errors.add(Node.read(reader));
				case "ListRecords" -> {
					listed = true;
					while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
						Node child = Node.read(reader);
						if (child.name().equals("record")) {
							page.add(child);
						}
						else if (child.name().equals("resumptionToken")) {
							page.resumptionToken = child.text().isBlank() ? null : child.text().strip();
							page.completeListSize = integer(child.attributes().get("completeListSize"));
						}
					}
				}
				default -> Node.read(reader);
			}
		}
		if (!errors.isEmpty()) {
			Node error = errors.get(0);
			throw new OaiErrorException(error.attributes().getOrDefault("code", "unknown"), error.text());
		}
		if (!listed) {
			throw new MalformedResponseException("The OAI-PMH answer has neither records nor an error", null);
		}
		return new OaiResponse(page.records, page.deletedIds, page.skipped, page.resumptionToken,
				page.completeListSize, page.versionsKnown);
	}

	/** What one page holds, gathered record by record. */
	private static final class Page {

		private final List<ArxivRecord> records = new ArrayList<>();

		private final List<String> deletedIds = new ArrayList<>();

		private final List<String> skipped = new ArrayList<>();

		private String resumptionToken;

		private Integer completeListSize;

		private boolean versionsKnown = true;

		void add(Node record) {
			Node header = record.child("header").orElse(Node.EMPTY);
			String identifier = header.childText("identifier");
			String label = (identifier != null) ? identifier : "record " + (this.records.size() + this.skipped.size() + 1);
			if ("deleted".equals(header.attributes().get("status"))) {
				this.deletedIds.add((identifier != null && identifier.startsWith(IDENTIFIER_PREFIX))
						? identifier.substring(IDENTIFIER_PREFIX.length()) : label);
				return;
			}
			Node metadata = record.child("metadata").flatMap((node) -> node.children().stream().findFirst()).orElse(null);
			try {
				if (metadata == null) {
					throw new UnusableRecordException("it has no metadata");
				}
				switch (metadata.name()) {
					case "arXiv" -> {
						this.versionsKnown = false;
						this.records.add(fromArxivFormat(metadata));
					}
					case "arXivRaw" -> this.records.add(fromArxivRawFormat(metadata));
					default -> throw new UnusableRecordException("its metadata format <" + metadata.name()
							+ "> is neither arXiv nor arXivRaw");
				}
			}
			catch (UnusableRecordException ex) {
				this.skipped.add(label + ": " + ex.getMessage());
			}
		}

	}

	/**
	 * The {@code arXiv} format names no version: the record says version 1 with v1's date, and the
	 * harvester keeps the stored version of a paper it already knows (see OaiHarvester).
	 */
	private static ArxivRecord fromArxivFormat(Node metadata) {
		ArxivId id = id(metadata);
		Instant created = day(metadata, "created", true);
		Instant updated = day(metadata, "updated", false);
		List<Author> authors = metadata.child("authors")
			.map((list) -> list.children().stream().filter((node) -> node.name().equals("author")).map(OaiResponseParser::author).toList())
			.orElse(List.of());
		return new ArxivRecord(id.id(), 1, required(metadata, "title"), required(metadata, "abstract"), authors,
				categories(metadata), created, (updated != null) ? updated : created, optional(metadata, "comments"),
				optional(metadata, "journal-ref"), optional(metadata, "doi"), optional(metadata, "license"),
				List.of(new PaperVersion(1, created, null)));
	}

	private static Author author(Node author) {
		String name = String.join(" ", Arrays.asList(author.childText("forenames"), author.childText("keyname"),
				author.childText("suffix")).stream().filter((part) -> part != null && !part.isBlank()).map(OaiResponseParser::flat).toList());
		List<String> affiliations = author.children()
			.stream()
			.filter((node) -> node.name().equals("affiliation") && !node.text().isBlank())
			.map((node) -> flat(node.text()))
			.toList();
		return Author.fromArxiv(name, affiliations);
	}

	private static ArxivRecord fromArxivRawFormat(Node metadata) {
		ArxivId id = id(metadata);
		List<PaperVersion> versions = new ArrayList<>();
		for (Node version : metadata.children()) {
			if (version.name().equals("version")) {
				versions.add(version(version));
			}
		}
		if (versions.isEmpty()) {
			throw new UnusableRecordException("it lists no version");
		}
		versions.sort(Comparator.comparingInt(PaperVersion::number));
		PaperVersion first = versions.get(0);
		PaperVersion latest = versions.get(versions.size() - 1);
		return new ArxivRecord(id.id(), latest.number(), required(metadata, "title"), required(metadata, "abstract"),
				AuthorList.parse(metadata.childText("authors")), categories(metadata), first.submittedAt(),
				latest.submittedAt(), optional(metadata, "comments"), optional(metadata, "journal-ref"),
				optional(metadata, "doi"), optional(metadata, "license"), versions);
	}

	private static PaperVersion version(Node version) {
		String label = version.attributes().getOrDefault("version", "");
		Matcher number = VERSION.matcher(label.strip());
		if (!number.matches()) {
			throw new UnusableRecordException("version '" + label + "' is not like v1");
		}
		String date = version.childText("date");
		Instant submittedAt = null;
		if (date != null && !date.isBlank()) {
			try {
				submittedAt = ZonedDateTime.parse(flat(date), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new UnusableRecordException("version " + label + " has a date '" + date + "' not like 'Mon, 2 Apr 2007 19:18:42 GMT'");
			}
		}
		String size = version.childText("size");
		return new PaperVersion(Integer.parseInt(number.group(1)), submittedAt,
				(size != null && !size.isBlank()) ? size.strip() : null);
	}

	private static ArxivId id(Node metadata) {
		String text = metadata.childText("id");
		if (text == null || text.isBlank()) {
			throw new UnusableRecordException("it has no id");
		}
		return ArxivId.tryParse(text).orElseThrow(() -> new UnusableRecordException("'" + text.strip() + "' is not an arXiv id"));
	}

	/** The categories, space-separated, primary first. */
	private static List<String> categories(Node metadata) {
		String text = metadata.childText("categories");
		return (text == null || text.isBlank()) ? List.of() : List.of(text.strip().split("\\s+"));
	}

	private static Instant day(Node metadata, String name, boolean required) {
		String text = metadata.childText(name);
		if (text == null || text.isBlank()) {
			if (required) {
				throw new UnusableRecordException("it has no " + name + " date");
			}
			return null;
		}
		try {
			return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new UnusableRecordException("its " + name + " date '" + text.strip() + "' is not like 2007-04-02");
		}
	}

	/** Title and abstract as arXiv gives them (line breaks and all), without the leading indent. */
	private static String required(Node metadata, String name) {
		String text = metadata.childText(name);
		if (text == null || text.isBlank()) {
			throw new UnusableRecordException("it has no " + name);
		}
		return text.strip();
	}

	private static String optional(Node metadata, String name) {
		String text = metadata.childText(name);
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** Names and affiliations are wrapped like the rest; a name reads on one line. */
	private static String flat(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

	private static Integer integer(String text) {
		try {
			return (text != null) ? Integer.valueOf(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "unreadable";
		}
		String message = text.strip();
		int end = message.indexOf('\n');
		// the JDK's reader prefixes its messages with the position, said again here
		return ((end < 0) ? message : message.substring(0, end)).replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
	}

	private static String excerpt(String body) {
		String flat = (body == null) ? "" : body.strip().replaceAll("\\s+", " ");
		return '"' + ((flat.length() > 120) ? flat.substring(0, 120) + "…" : flat) + '"';
	}

	/** A record that cannot become an {@link ArxivRecord}; the message says why. */
	private static final class UnusableRecordException extends RuntimeException {

		UnusableRecordException(String message) {
			super(message);
		}

	}

	/**
	 * An element read whole: a record is small, and reading it into a tree lets the formats be
	 * read by name rather than by event.
	 */
	private record Node(String name, Map<String, String> attributes, String text, List<Node> children) {

		static final Node EMPTY = new Node("", Map.of(), "", List.of());

		/** Reads the element the reader is on, up to and including its end tag. */
		static Node read(XMLStreamReader reader) throws XMLStreamException {
			String name = reader.getLocalName();
			Map<String, String> attributes = new LinkedHashMap<>();
			for (int i = 0; i < reader.getAttributeCount(); i++) {
				attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
			}
			StringBuilder text = new StringBuilder();
			List<Node> children = new ArrayList<>();
			while (true) {
				int event = reader.next();
				switch (event) {
					case XMLStreamConstants.START_ELEMENT -> children.add(read(reader));
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
						text.append(reader.getText());
					case XMLStreamConstants.END_ELEMENT -> {
						return new Node(name, attributes, text.toString(), children);
					}
					default -> {
						// comments and processing instructions carry nothing
					}
				}
			}
		}

		Optional<Node> child(String name) {
			return this.children.stream().filter((child) -> child.name.equals(name)).findFirst();
		}

		String childText(String name) {
			return child(name).map(Node::text).orElse(null);
		}

	}

}
