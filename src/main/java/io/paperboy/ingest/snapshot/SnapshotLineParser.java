package io.paperboy.ingest.snapshot;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.PaperVersion;

import tools.jackson.core.JacksonException;
import io.paperboy.ingest.JsonKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one line of the arXiv metadata snapshot (Kaggle's {@code arxiv-metadata-oai-snapshot.json})
 * into an {@link ArxivRecord}. Every fault names where it is ({@code $.versions[1].created: ...}).
 */
final class SnapshotLineParser {

	/** "Mon, 2 Apr 2007 19:18:42 GMT"; the day name is dropped, a wrong one should not cost a paper. */
	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z", Locale.ROOT);

	private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
			"Oct", "Nov", "Dec");

	private static final Pattern DAY_NAME = Pattern.compile("^\\s*[A-Za-z]{3},\\s*");

	private static final Pattern VERSION = Pattern.compile("v(\\d{1,4})");

	private final JsonMapper json;

	SnapshotLineParser(JsonMapper json) {
		this.json = json;
	}

	/** Parses a line given as UTF-8 bytes (without its line break). */
	ArxivRecord parse(byte[] line, int length) throws MalformedLineException {
		JsonNode root;
		try {
			root = this.json.readTree(line, 0, length);
		}
		catch (JacksonException ex) {
			throw new MalformedLineException(null, "not valid JSON: " + ex.getOriginalMessage());
		}
		return parse(root);
	}

	ArxivRecord parse(JsonNode root) throws MalformedLineException {
		if (root == null || !root.isObject()) {
			throw new MalformedLineException("$", "expected an object but found " + JsonKind.of(root));
		}
		String rawId = string(root, "id", true);
		ArxivId id = ArxivId.tryParse(rawId)
			.orElseThrow(() -> new MalformedLineException("$.id", "not an arXiv id: " + quoted(rawId)));
		String title = string(root, "title", true).strip();
		String summary = string(root, "abstract", true).strip();
		List<String> categories = categories(string(root, "categories", true));
		List<PaperVersion> versions = versions(root);
		PaperVersion latest = versions.get(versions.size() - 1);
		List<Author> authors = authors(root);
		return new ArxivRecord(id.id(), latest.number(), title, summary, authors, categories,
				versions.get(0).submittedAt(), latest.submittedAt(), string(root, "comments", false),
				string(root, "journal-ref", false), limited(string(root, "doi", false), 255, "$.doi"),
				limited(string(root, "license", false), 500, "$.license"), versions);
	}

	private static List<String> categories(String text) throws MalformedLineException {
		// the first is the primary; a category listed twice counts once
		Set<String> categories = new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+")));
		categories.remove("");
		if (categories.isEmpty()) {
			throw new MalformedLineException("$.categories", "expected at least one category");
		}
		for (String category : categories) {
			limited(category, 64, "$.categories");
		}
		return List.copyOf(categories);
	}

	private static List<PaperVersion> versions(JsonNode root) throws MalformedLineException {
		JsonNode array = root.get("versions");
		if (array == null || !array.isArray()) {
			throw new MalformedLineException("$.versions", "expected an array but found " + JsonKind.of(array));
		}
		if (array.isEmpty()) {
			throw new MalformedLineException("$.versions", "expected at least one version");
		}
		List<PaperVersion> versions = new ArrayList<>();
		Set<Integer> numbers = new LinkedHashSet<>();
		for (int i = 0; i < array.size(); i++) {
			JsonNode item = array.get(i);
			String path = "$.versions[" + i + "]";
			if (!item.isObject()) {
				throw new MalformedLineException(path, "expected an object but found " + JsonKind.of(item));
			}
			String name = string(item, "version", true, path);
			Matcher matcher = VERSION.matcher(name.strip());
			if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
				throw new MalformedLineException(path + ".version", "expected v1, v2, ... but found " + quoted(name));
			}
			int number = Integer.parseInt(matcher.group(1));
			Instant created = created(string(item, "created", true, path), path + ".created");
			if (numbers.add(number)) {
				versions.add(new PaperVersion(number, created, null));
			}
		}
		versions.sort((a, b) -> Integer.compare(a.number(), b.number()));
		return versions;
	}

	private static Instant created(String text, String path) throws MalformedLineException {
		Instant gmt = gmt(text);
		if (gmt != null) {
			return gmt;
		}
		try {
			return ZonedDateTime.parse(DAY_NAME.matcher(text).replaceFirst("").strip(), CREATED).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new MalformedLineException(path, "expected a date like \"Mon, 2 Apr 2007 19:18:42 GMT\" but found "
					+ quoted(text));
		}
	}

	/**
	 * A time in the one form arXiv writes ("Mon, 2 Apr 2007 19:18:42 GMT") read field by field, or
	 * null for any other text, which {@link #CREATED} then reads: the general formatter took a fifth
	 * of the time spent reading a line. The same instant as the formatter gives, for the times this
	 * accepts (a valid date and time of day, in GMT).
	 */
	static Instant gmt(String text) {
		int day = (text.length() > 5 && Character.isLetter(text.charAt(0)) && Character.isLetter(text.charAt(1))
				&& Character.isLetter(text.charAt(2)) && text.charAt(3) == ',' && text.charAt(4) == ' ') ? 5 : 0;
		int space = text.indexOf(' ', day);
		if (space - day < 1 || space - day > 2 || text.length() != space + 22 || !text.endsWith(" GMT")
				|| text.charAt(space + 4) != ' ' || text.charAt(space + 9) != ' ' || text.charAt(space + 12) != ':'
				|| text.charAt(space + 15) != ':') {
			return null;
		}
		int month = MONTHS.indexOf(text.substring(space + 1, space + 4)) + 1;
		int dayOfMonth = digits(text, day, space);
		int year = digits(text, space + 5, space + 9);
		int hour = digits(text, space + 10, space + 12);
		int minute = digits(text, space + 13, space + 15);
		int second = digits(text, space + 16, space + 18);
		if (month == 0 || dayOfMonth < 1 || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || dayOfMonth > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDateTime.of(year, month, dayOfMonth, hour, minute, second).toInstant(ZoneOffset.UTC);
	}

	/** The number the ASCII digits from {@code start} to {@code end} write, or -1. */
	private static int digits(String text, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** From {@code authors_parsed} ([last, first, suffix] each) when present, else from {@code authors}. */
	private static List<Author> authors(JsonNode root) throws MalformedLineException {
		JsonNode parsed = root.get("authors_parsed");
		if (parsed != null && !parsed.isNull()) {
			if (!parsed.isArray()) {
				throw new MalformedLineException("$.authors_parsed", "expected an array but found " + JsonKind.of(parsed));
			}
			List<Author> authors = new ArrayList<>();
			for (int i = 0; i < parsed.size(); i++) {
				JsonNode parts = parsed.get(i);
				String path = "$.authors_parsed[" + i + "]";
				if (!parts.isArray()) {
					throw new MalformedLineException(path, "expected an array but found " + JsonKind.of(parts));
				}
				// [last, first, suffix], then, in some records, affiliations
				String[] words = new String[3];
				List<String> affiliations = new ArrayList<>();
				for (int j = 0; j < parts.size(); j++) {
					JsonNode part = parts.get(j);
					if (!part.isString() && !part.isNull()) {
						throw new MalformedLineException(path + "[" + j + "]", "expected a string but found " + JsonKind.of(part));
					}
					String word = part.isNull() ? "" : part.stringValue().strip();
					if (j < 3) {
						words[j] = word;
					}
					else if (!word.isEmpty()) {
						affiliations.add(word);
					}
				}
				String name = limited(join(words[1], words[0], words[2]), 500, path);
				if (!name.isEmpty()) {
					authors.add(Author.fromArxiv(name, affiliations));
				}
			}
			if (!authors.isEmpty()) {
				return authors;
			}
		}
		String names = string(root, "authors", false);
		return (names != null) ? splitAuthors(names) : List.of();
	}

	/** "A. One, B. Two and C. Three" as three authors. */
	static List<Author> splitAuthors(String names) {
		List<Author> authors = new ArrayList<>();
		for (String name : names.replaceAll("\\s+", " ").split(",|\\band\\b")) {
			if (!name.isBlank() && name.strip().length() <= 500) {
				authors.add(Author.fromArxiv(name.strip(), List.of()));
			}
		}
		return authors;
	}

	private static String join(String... words) {
		StringBuilder name = new StringBuilder();
		for (String word : words) {
			if (word != null && !word.isEmpty()) {
				name.append(name.isEmpty() ? "" : " ").append(word);
			}
		}
		return name.toString();
	}

	private static String string(JsonNode node, String field, boolean required) throws MalformedLineException {
		return string(node, field, required, "$");
	}

	private static String string(JsonNode node, String field, boolean required, String parent)
			throws MalformedLineException {
		JsonNode value = node.get(field);
		String path = parent + "." + field;
		if (value == null || value.isNull()) {
			if (required) {
				throw new MalformedLineException(path, "missing");
			}
			return null;
		}
		if (!value.isString()) {
			throw new MalformedLineException(path, "expected a string but found " + JsonKind.of(value));
		}
		String text = value.stringValue();
		if (required && text.isBlank()) {
			throw new MalformedLineException(path, "empty");
		}
		// PostgreSQL cannot store it in text; no real record has one
		if (text.indexOf('\u0000') >= 0) {
			throw new MalformedLineException(path, "contains a NUL character");
		}
		return text;
	}

	/** Longer values do not fit their column; a record carrying one is not a real record. */
	private static String limited(String text, int characters, String path) throws MalformedLineException {
		if (text != null && text.length() > characters) {
			throw new MalformedLineException(path, "longer than " + characters + " characters");
		}
		return text;
	}

	private static String quoted(String text) {
		String shown = (text.length() > 60) ? text.substring(0, 60) + "..." : text;
		return "\"" + shown + "\"";
	}

}
