package io.paperboy.ingest.hfdaily;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.account.Accounts;
import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import io.paperboy.ingest.JsonKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads files in the format of Hugging Face's {@code GET /api/daily_papers}, accepting every
 * variation the format has had since 2024 (singular {@code mediaUrl}, missing {@code submittedBy},
 * submitters named by {@code user} or by {@code name}) and rejecting anything else with the JSON
 * path of the fault.
 */
class DailyPapersFileParser {

	/** Larger files are not daily lists; refusing them keeps a stray dump from exhausting memory. */
	static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

	private static final Pattern DAY_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[^/]*\\.json$");

	private final JsonMapper json;

	DailyPapersFileParser(JsonMapper json) {
		this.json = json;
	}

	DailyPapersFile parse(Path file) throws MalformedFileException, IOException {
		if (Files.size(file) > MAX_FILE_BYTES) {
			throw new MalformedFileException(null, "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
		}
		JsonNode root;
		try (InputStream in = Files.newInputStream(file)) {
			root = this.json.readTree(in);
		}
		catch (JacksonException ex) {
			throw new MalformedFileException(null, "not valid JSON: " + ex.getOriginalMessage() + where(ex.getLocation()));
		}
		return parse(root, dayFromName(file.getFileName().toString()));
	}

	/**
	 * Parses one day's list as the API returned it ({@code GET /api/daily_papers?date=DAY}): the
	 * day is the one asked for.
	 */
	DailyPapersFile parse(String body, LocalDate day) throws MalformedFileException {
		if (body.length() > MAX_FILE_BYTES) {
			throw new MalformedFileException(null, "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
		}
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedFileException(null, "not valid JSON: " + ex.getOriginalMessage() + where(ex.getLocation()));
		}
		return parse(root, Optional.of(day));
	}

	DailyPapersFile parse(JsonNode root, Optional<LocalDate> namedDay) throws MalformedFileException {
		if (root == null || root.isMissingNode()) {
			throw new MalformedFileException("$", "the file is empty");
		}
		if (!root.isArray()) {
			throw new MalformedFileException("$", "expected an array of entries but found " + JsonKind.of(root));
		}
		List<DailyPapersFile.Entry> entries = new ArrayList<>();
		List<Instant> submissionTimes = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		for (int i = 0; i < root.size(); i++) {
			Fields entry = new Fields(root.get(i), "$[" + i + "]", dropped);
			Fields paper = entry.object("paper", true);
			Paper parsed = paper(entry, paper);
			Instant submittedAt = paper.instant("submittedOnDailyAt", false);
			if (submittedAt != null) {
				submissionTimes.add(submittedAt);
			}
			entries.add(new DailyPapersFile.Entry(parsed, placement(entry, paper, parsed.id(), submittedAt),
					submitter(entry, paper)));
		}
		LocalDate day = namedDay.or(() -> submissionTimes.stream().map((t) -> LocalDate.ofInstant(t, ZoneOffset.UTC)).min(LocalDate::compareTo))
			.orElseThrow(() -> new MalformedFileException(null,
					"cannot tell which day this list is for: name the file YYYY-MM-DD.json"));
		List<DailyPapersFile.Entry> dated = new ArrayList<>();
		for (DailyPapersFile.Entry entry : entries) {
			DailyEntry placement = entry.placement();
			Instant submittedAt = (placement.submittedAt() != null) ? placement.submittedAt()
					: day.atStartOfDay().toInstant(ZoneOffset.UTC);
			dated.add(new DailyPapersFile.Entry(entry.paper(),
					new DailyEntry(placement.paperId(), day, submittedAt, null, placement.thumbnail(),
							placement.mediaUrls(), placement.authorParticipating(), placement.organization()),
					entry.submitter()));
		}
		return new DailyPapersFile(day, dated, dropped);
	}

	static Optional<LocalDate> dayFromName(String fileName) {
		Matcher matcher = DAY_IN_NAME.matcher(fileName);
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(matcher.group(1)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private Paper paper(Fields entry, Fields paper) throws MalformedFileException {
		String rawId = paper.text("id", true);
		ArxivId id = ArxivId.tryParse(rawId)
			.orElseThrow(() -> new MalformedFileException(paper.path("id"), "not an arXiv id: \"" + rawId + "\""));
		List<Author> authors = new ArrayList<>();
		List<Fields> authorNodes = paper.objects("authors", false);
		for (Fields author : authorNodes) {
			authors.add(new Author(author.text("name", true), author.text("_id", false),
					Boolean.TRUE.equals(author.bool("hidden"))));
		}
		Integer upvotes = paper.integer("upvotes");
		Integer comments = entry.integer("numComments");
		return new Paper(id.id(), id.version(), paper.text("title", true), paper.text("summary", true),
				paper.instant("publishedAt", false), null, authors, List.of(), null, null, null,
				paper.link("githubRepo"), paper.integer("githubStars"), paper.link("projectPage"),
				paper.text("ai_summary", false), paper.strings("ai_keywords"), paper.text("discussionId", false),
				(upvotes != null) ? upvotes : 0, (comments != null) ? comments : 0);
	}

	private DailyEntry placement(Fields entry, Fields paper, String paperId, Instant submittedAt)
			throws MalformedFileException {
		List<String> mediaUrls = entry.links("mediaUrls");
		if (mediaUrls.isEmpty()) {
			// files of mid-2024 carry a single URL under the singular name
			String single = entry.link("mediaUrl");
			mediaUrls = (single != null) ? List.of(single) : paper.links("mediaUrls");
		}
		Fields organization = entry.object("organization", false);
		String organizationJson = (organization != null) ? this.json.writeValueAsString(organization.node) : null;
		// the day is filled in by the caller, once the file's day is known
		return new DailyEntry(paperId, LocalDate.EPOCH, submittedAt, null, entry.link("thumbnail"), mediaUrls,
				entry.bool("isAuthorParticipating"), organizationJson);
	}

	private DailyPapersFile.Submitter submitter(Fields entry, Fields paper) throws MalformedFileException {
		Fields byOnDaily = paper.object("submittedOnDailyBy", false);
		if (byOnDaily != null) {
			String field = (byOnDaily.text("user", false) != null) ? "user" : "name";
			return submitter(byOnDaily, field);
		}
		Fields by = entry.object("submittedBy", false);
		if (by != null) {
			return submitter(by, "name");
		}
		return null;
	}

	/**
	 * A submitter whose name a member could choose as a username; any other (such as
	 * {@code ../../admin}) is left out, and the paper keeps its place without a submitter.
	 */
	private static DailyPapersFile.Submitter submitter(Fields by, String usernameField) throws MalformedFileException {
		String username = by.text(usernameField, true);
		if (!Accounts.isUsername(username)) {
			by.drop(usernameField, "\"" + printable(username) + "\" is not a username Paperboy accepts; the paper is kept without its submitter");
			return null;
		}
		return new DailyPapersFile.Submitter(username, by.text("fullname", false), by.avatar("avatarUrl"),
				by.text("_id", false));
	}

	/** A value fit to quote in a one-line report: control characters shown as '?', and not too long. */
	static String printable(String value) {
		StringBuilder shown = new StringBuilder();
		value.codePoints().limit(80).forEach((c) -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return (value.codePointCount(0, value.length()) > 80) ? shown + "…" : shown.toString();
	}

	/**
	 * Whether a link may be stored and published again: an absolute http or https URL with a host.
	 * Anything else ({@code javascript:}, {@code data:}, a relative path) could run or mislead where
	 * it is shown.
	 */
	static boolean isWebLink(String link) {
		try {
			java.net.URI uri = new java.net.URI(link);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	/** Typed, path-aware access to one JSON object: every fault names where it is. */
	private static final class Fields {

		private final JsonNode node;

		private final String path;

		/** Where the values left out of otherwise good entries are noted. */
		private final List<String> dropped;

		Fields(JsonNode node, String path, List<String> dropped) throws MalformedFileException {
			if (node == null || !node.isObject()) {
				throw new MalformedFileException(path, "expected an object but found " + ((node == null) ? "nothing" : JsonKind.of(node)));
			}
			this.node = node;
			this.path = path;
			this.dropped = dropped;
		}

		void drop(String field, String why) {
			this.dropped.add(path(field) + ": " + why);
		}

		/** A link, or {@code null} (noted as dropped) when it is not an http or https URL. */
		String link(String field) throws MalformedFileException {
			String text = text(field, false);
			if (text == null || text.isBlank()) {
				return null;
			}
			String link = text.strip();
			if (!isWebLink(link)) {
				drop(field, "\"" + printable(link) + "\" is not an http or https link; dropped");
				return null;
			}
			return link;
		}

		/** Links, without (and noting) those that are not http or https URLs. */
		List<String> links(String field) throws MalformedFileException {
			List<String> links = new ArrayList<>();
			List<String> given = strings(field);
			for (int i = 0; i < given.size(); i++) {
				String link = given.get(i).strip();
				if (isWebLink(link)) {
					links.add(link);
				}
				else {
					this.dropped.add(path(field) + "[" + i + "]: \"" + printable(link) + "\" is not an http or https link; dropped");
				}
			}
			return links;
		}

		/**
		 * A picture's address: an http or https URL, or a path on Hugging Face's site
		 * ({@code /avatars/...}), which is how its files name most avatars and how its clients
		 * expect them back. Anything else is dropped and noted.
		 */
		String avatar(String field) throws MalformedFileException {
			String text = text(field, false);
			if (text == null || text.isBlank()) {
				return null;
			}
			String avatar = text.strip();
			boolean sitePath = avatar.startsWith("/") && !avatar.startsWith("//") && isWebLink("https://huggingface.co" + avatar);
			if (!sitePath && !isWebLink(avatar)) {
				drop(field, "\"" + printable(avatar) + "\" is not an http or https link or a path; dropped");
				return null;
			}
			return avatar;
		}

		String path(String field) {
			return this.path + "." + field;
		}

		private JsonNode present(String field, boolean required) throws MalformedFileException {
			JsonNode value = this.node.get(field);
			if (value == null || value.isNull()) {
				if (required) {
					throw new MalformedFileException(path(field), "required but missing");
				}
				return null;
			}
			return value;
		}

		String text(String field, boolean required) throws MalformedFileException {
			JsonNode value = present(field, required);
			if (value == null) {
				return null;
			}
			if (!value.isString()) {
				throw new MalformedFileException(path(field), "expected a string but found " + JsonKind.of(value));
			}
			if (required && value.stringValue().isBlank()) {
				throw new MalformedFileException(path(field), "must not be empty");
			}
			return value.stringValue();
		}

		Integer integer(String field) throws MalformedFileException {
			JsonNode value = present(field, false);
			if (value == null) {
				return null;
			}
			if (!value.isIntegralNumber() || !value.canConvertToInt()) {
				throw new MalformedFileException(path(field), "expected an integer but found " + JsonKind.of(value));
			}
			if (value.intValue() < 0) {
				throw new MalformedFileException(path(field), "must not be negative");
			}
			return value.intValue();
		}

		Boolean bool(String field) throws MalformedFileException {
			JsonNode value = present(field, false);
			if (value == null) {
				return null;
			}
			if (!value.isBoolean()) {
				throw new MalformedFileException(path(field), "expected true or false but found " + JsonKind.of(value));
			}
			return value.booleanValue();
		}

		Instant instant(String field, boolean required) throws MalformedFileException {
			String text = text(field, required);
			if (text == null) {
				return null;
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new MalformedFileException(path(field), "not an ISO-8601 date-time: \"" + text + "\"");
			}
		}

		Fields object(String field, boolean required) throws MalformedFileException {
			JsonNode value = present(field, required);
			return (value != null) ? new Fields(value, path(field), this.dropped) : null;
		}

		private JsonNode array(String field) throws MalformedFileException {
			JsonNode value = present(field, false);
			if (value != null && !value.isArray()) {
				throw new MalformedFileException(path(field), "expected an array but found " + JsonKind.of(value));
			}
			return value;
		}

		List<Fields> objects(String field, boolean required) throws MalformedFileException {
			JsonNode value = array(field);
			if (value == null) {
				if (required) {
					throw new MalformedFileException(path(field), "required but missing");
				}
				return List.of();
			}
			List<Fields> objects = new ArrayList<>();
			for (int i = 0; i < value.size(); i++) {
				objects.add(new Fields(value.get(i), path(field) + "[" + i + "]", this.dropped));
			}
			return objects;
		}

		List<String> strings(String field) throws MalformedFileException {
			JsonNode value = array(field);
			if (value == null) {
				return List.of();
			}
			List<String> strings = new ArrayList<>();
			for (int i = 0; i < value.size(); i++) {
				JsonNode item = value.get(i);
				if (!item.isString()) {
					throw new MalformedFileException(path(field) + "[" + i + "]", "expected a string but found " + JsonKind.of(item));
				}
				strings.add(item.stringValue());
			}
			return strings;
		}

	}

}
