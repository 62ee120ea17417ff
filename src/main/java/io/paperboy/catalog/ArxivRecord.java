package io.paperboy.catalog;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What an arXiv source (the API, OAI-PMH, the bulk snapshot) says about a paper: the bibliographic
 * metadata, which arXiv owns. Saved with {@link Catalog#saveArxivRecords(List)}, it replaces the
 * bibliographic fields of the paper and keeps what the daily lists and members added.
 *
 * @param id canonical arXiv id, without version
 * @param version the version this record describes (the latest the source knows)
 * @param title the title as arXiv gives it
 * @param summary the abstract as arXiv gives it
 * @param authors the authors in order, with affiliations when the source has them
 * @param categories the categories, primary first
 * @param publishedAt when version 1 was submitted
 * @param updatedAt when this version was submitted
 * @param comment the authors' comment, if any
 * @param journalRef the journal reference, if any
 * @param doi the DOI, if any
 * @param license the licence URL, if the source gives one
 * @param versions every version the source lists, possibly only the latest
 */
public record ArxivRecord(String id, int version, String title, String summary, List<Author> authors,
		List<String> categories, Instant publishedAt, Instant updatedAt, String comment, String journalRef,
		String doi, String license, List<PaperVersion> versions) {

	public ArxivRecord {
		authors = List.copyOf(authors);
		categories = List.copyOf(categories);
		versions = versions.stream().sorted(Comparator.comparingInt(PaperVersion::number)).toList();
	}

}
