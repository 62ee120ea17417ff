package io.paperboy.ingest.oai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.catalog.Author;

/**
 * The authors of an {@code arXivRaw} record, which gives them as one line of free text as the
 * submitter typed it: {@code "A. One, B. Two and C. Three"}, with affiliations in parentheses
 * ({@code "A. One (MIT), B. Two (CMU)"}) or as numbered marks and a legend at the end
 * ({@code "A. One (1), B. Two (1 and 2) ((1) MIT, (2) CMU)"}).
 */
final class AuthorList {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern TRAILING_GROUP = Pattern.compile("\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)\\s*$");

	private static final Pattern MARKS = Pattern.compile("\\d+(?:\\s*(?:,|and|&)\\s*\\d+)*");

	private static final Pattern LEGEND_ITEM = Pattern.compile("\\((\\d+)\\)\\s*([^()]+?)\\s*(?=,?\\s*\\(\\d+\\)|$)");

	private AuthorList() {
	}

	static List<Author> parse(String text) {
		if (text == null) {
			return List.of();
		}
		List<String> parts = split(WHITESPACE.matcher(text).replaceAll(" ").strip());
		Map<String, String> legend = new HashMap<>();
		List<String> names = new ArrayList<>();
		List<List<String>> groups = new ArrayList<>();
		for (String part : parts) {
			List<String> trailing = new ArrayList<>();
			String name = part;
			for (Matcher group = TRAILING_GROUP.matcher(name); group.find(); group = TRAILING_GROUP.matcher(name)) {
				String inside = group.group(1).strip();
				if (inside.startsWith("(")) {
					readLegend(inside, legend);
				}
				else {
					trailing.add(0, inside);
				}
				name = name.substring(0, group.start()).strip();
			}
			if (!name.isEmpty()) {
				names.add(name);
				groups.add(trailing);
			}
		}
		List<Author> authors = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			List<String> affiliations = new ArrayList<>();
			for (String inside : groups.get(i)) {
				if (MARKS.matcher(inside).matches()) {
					for (String mark : inside.split("\\s*(?:,|and|&)\\s*")) {
						String affiliation = legend.get(mark.strip());
						if (affiliation != null) {
							affiliations.add(affiliation);
						}
					}
				}
				else if (!inside.isEmpty()) {
					affiliations.add(inside);
				}
			}
			authors.add(Author.fromArxiv(names.get(i), affiliations));
		}
		return authors;
	}

	/** Splits at commas and at the word "and" outside parentheses. */
	private static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth = Math.max(0, depth - 1);
			}
			if (depth == 0 && c == ',') {
				parts.add(current.toString());
				current.setLength(0);
				continue;
			}
			if (depth == 0 && text.startsWith(" and ", i)) {
				parts.add(current.toString());
				current.setLength(0);
				i += " and ".length() - 1;
				continue;
			}
			current.append(c);
		}
		parts.add(current.toString());
		// "A, B, and C": the Oxford comma leaves "and C"
		return parts.stream()
			.map(String::strip)
			.map((part) -> part.startsWith("and ") ? part.substring(4).strip() : part)
			.filter((part) -> !part.isEmpty())
			.toList();
	}

	private static void readLegend(String inside, Map<String, String> legend) {
		Matcher item = LEGEND_ITEM.matcher(inside);
		while (item.find()) {
			legend.put(item.group(1), item.group(2).replaceAll(",$", "").strip());
		}
	}

}
