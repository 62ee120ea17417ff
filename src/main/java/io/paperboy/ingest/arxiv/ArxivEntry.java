package io.paperboy.ingest.arxiv;

import java.net.URI;

import io.paperboy.catalog.ArxivRecord;
import org.springframework.modulith.NamedInterface;

/**
 * One entry of an arXiv API feed: the paper as the catalog stores it, and the links arXiv gives.
 *
 * @param record the metadata, ready for {@link io.paperboy.catalog.Catalog#saveArxivRecords}
 * @param abstractPage the abstract page of this version ({@code rel="alternate"})
 * @param pdf the PDF of this version, if given
 * @param doiLink the DOI resolver link, if the paper has a DOI
 */
@NamedInterface("arxiv")
public record ArxivEntry(ArxivRecord record, URI abstractPage, URI pdf, URI doiLink) {

}
