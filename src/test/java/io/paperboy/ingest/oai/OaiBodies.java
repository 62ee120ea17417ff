package io.paperboy.ingest.oai;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Hand-made OAI-PMH answers in the {@code arXivRaw} format, small enough to read in a test. */
final class OaiBodies {

	private static final Instant FIRST_SUBMISSION = Instant.parse("2024-01-01T10:00:00Z");

	private OaiBodies() {
	}

	/** A page of records, ending with {@code token} (null: the last page, with an empty token). */
	static String page(String token, String... records) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
				<responseDate>2024-02-01T10:00:00Z</responseDate>
				<request verb="ListRecords">http://export.arxiv.org/oai2</request>
				<ListRecords>
				%s
				%s
				</ListRecords>
				</OAI-PMH>
				""".formatted(String.join("\n", records), (token != null)
				? "<resumptionToken cursor=\"0\" completeListSize=\"99\">" + token + "</resumptionToken>"
				: "<resumptionToken cursor=\"0\" completeListSize=\"99\"/>");
	}

	/** A record with versions 1 to {@code versions}, a day apart. */
	static String rawRecord(String id, int versions, String title) {
		StringBuilder history = new StringBuilder();
		for (int version = 1; version <= versions; version++) {
			String date = DateTimeFormatter.RFC_1123_DATE_TIME
				.format(FIRST_SUBMISSION.plusSeconds(86_400L * (version - 1)).atOffset(ZoneOffset.UTC));
			history.append("<version version=\"v%d\"><date>%s</date><size>%dkb</size></version>".formatted(version,
					date, 100 + version));
		}
		return """
				<record><header><identifier>oai:arXiv.org:%1$s</identifier><datestamp>2024-01-10</datestamp><setSpec>cs</setSpec></header>
				<metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>%1$s</id><submitter>Someone</submitter>%2$s<title>%3$s</title>
				<authors>Ann Author (MIT) and Bob Writer</authors><categories>cs.LG cs.AI</categories><abstract>  Abstract of %1$s.
				</abstract></arXivRaw></metadata></record>
				""".formatted(id, history, title);
	}

	/** A record the repository marks deleted. */
	static String deletedRecord(String id) {
		return "<record><header status=\"deleted\"><identifier>oai:arXiv.org:" + id
				+ "</identifier><datestamp>2024-01-10</datestamp></header></record>";
	}

	/** An OAI-PMH error answer. */
	static String error(String code, String text) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
				<responseDate>2024-02-01T10:00:00Z</responseDate>
				<request verb="ListRecords">http://export.arxiv.org/oai2</request>
				<error code="%s">%s</error>
				</OAI-PMH>
				""".formatted(code, text);
	}

}
