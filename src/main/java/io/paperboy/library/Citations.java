package io.paperboy.library;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.paperboy.catalog.Author;
import io.paperboy.catalog.Paper;

/**
 * A list of papers as BibTeX ({@code .bib}) and RIS ({@code .ris}), what reference managers import.
 * Texts are the catalog's plain text: BibTeX's special characters are escaped, and every value is
 * put on one line, so a title can never close an entry or start another.
 */
final class Citations {

	private static final DateTimeFormatter RIS_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

	private Citations() {
	}

	/**
	 * A paper with the note a member keeps on it.
	 *
	 * @param paper the paper
	 * @param note the note, or empty
	 */
	record Cited(Paper paper, String note) {

	}

	/** One {@code @misc} entry per paper, arXiv's own fields ({@code eprint}, {@code archivePrefix}). */
	static String bibtex(List<Cited> papers) {
		StringBuilder bib = new StringBuilder();
		for (Cited cited : papers) {
			Paper paper = cited.paper();
			bib.append("@misc{").append(bibKey(paper.id())).append(",\n");
			field(bib, "title", "{" + bibText(paper.title()) + "}");
			field(bib, "author", paper.authors().stream().map(Author::name).map(Citations::bibText).collect(Collectors.joining(" and ")));
			if (paper.publishedAt() != null) {
				field(bib, "year", Integer.toString(paper.publishedAt().atZone(ZoneOffset.UTC).getYear()));
			}
			field(bib, "eprint", bibText(paper.id()));
			field(bib, "archivePrefix", "arXiv");
			if (!paper.categories().isEmpty()) {
				field(bib, "primaryClass", bibText(paper.categories().get(0)));
			}
			if (paper.doi() != null) {
				field(bib, "doi", bibText(paper.doi()));
			}
			field(bib, "url", bibText(paper.arxivUrl()));
			if (!cited.note().isEmpty()) {
				field(bib, "note", bibText(cited.note()));
			}
			bib.append("}\n\n");
		}
		return bib.toString();
	}

	/** One {@code UNPB} (preprint) record per paper, lines ended CR LF as RIS asks. */
	static String ris(List<Cited> papers) {
		StringBuilder ris = new StringBuilder();
		for (Cited cited : papers) {
			Paper paper = cited.paper();
			tag(ris, "TY", "UNPB");
			tag(ris, "ID", paper.id());
			tag(ris, "TI", paper.title());
			paper.authors().forEach((author) -> tag(ris, "AU", author.name()));
			if (paper.publishedAt() != null) {
				tag(ris, "PY", Integer.toString(paper.publishedAt().atZone(ZoneOffset.UTC).getYear()));
				tag(ris, "DA", RIS_DATE.format(paper.publishedAt()));
			}
			tag(ris, "AB", paper.summary());
			paper.categories().forEach((category) -> tag(ris, "KW", category));
			if (paper.doi() != null) {
				tag(ris, "DO", paper.doi());
			}
			tag(ris, "UR", paper.arxivUrl());
			if (!cited.note().isEmpty()) {
				tag(ris, "N1", cited.note());
			}
			tag(ris, "ER", "");
		}
		return ris.toString();
	}

	/** A key BibTeX accepts: {@code arXiv:2506.00001}, {@code arXiv:hep-th_9901001}. */
	static String bibKey(String id) {
		return "arXiv:" + id.replaceAll("[^A-Za-z0-9.\\-]", "_");
	}

	/** Plain text as BibTeX reads it literally, on one line. */
	static String bibText(String text) {
		String line = oneLine(text);
		StringBuilder escaped = new StringBuilder(line.length());
		for (char c : line.toCharArray()) {
			switch (c) {
				case '\\' -> escaped.append("\\textbackslash{}");
				case '{', '}', '$', '&', '%', '#', '_' -> escaped.append('\\').append(c);
				case '~' -> escaped.append("\\textasciitilde{}");
				case '^' -> escaped.append("\\textasciicircum{}");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static void field(StringBuilder bib, String name, String value) {
		bib.append("  ").append(name).append(" = {").append(value).append("},\n");
	}

	private static void tag(StringBuilder ris, String tag, String value) {
		ris.append(tag).append("  - ").append(oneLine(value)).append("\r\n");
	}

	private static String oneLine(String text) {
		return (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
	}

	/** The papers, in the order of {@code ids}, each with its note from {@code notes} (or none). */
	static List<Cited> cite(List<String> ids, Map<String, Paper> papers, Map<String, String> notes) {
		return ids.stream()
			.filter(papers::containsKey)
			.map((id) -> new Cited(papers.get(id), notes.getOrDefault(id, "")))
			.toList();
	}

}
