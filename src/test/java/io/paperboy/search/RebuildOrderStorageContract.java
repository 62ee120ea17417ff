package io.paperboy.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order a rebuild reads the papers in, on every database Paperboy supports: newest first by
 * publication time, ties by id from the highest, papers without a time last, each paper once however
 * the pages fall. Each subclass runs the same tests on one database.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class RebuildOrderStorageContract {

	@Autowired
	Catalog catalog;

	@Autowired
	SearchRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void papersComeNewestFirstThenByIdAndThoseWithoutADateLastInPagesOfAnySize() {
		List<Paper> papers = new ArrayList<>();
		papers.add(paper("hep-th/9901001", "1999-01-02T00:00:00Z"));
		papers.add(paper("2506.00001", "2025-06-01T00:00:00Z"));
		papers.add(paper("2506.00002", "2025-06-01T00:00:00Z"));
		papers.add(paper("2506.00003", "2025-06-01T00:00:00Z"));
		papers.add(paper("2401.00005", "2025-07-01T00:00:00Z"));
		papers.add(paper("math/0101001", "2001-01-01T00:00:00Z"));
		papers.add(paper("2506.00009", null));
		papers.add(paper("2506.00010", null));
		this.catalog.savePapers(papers, LocalDate.of(2025, 6, 2));
		this.jdbc.sql("update papers set published_at = null where id in ('2506.00009', '2506.00010')").update();
		List<String> expected = List.of("2401.00005", "2506.00003", "2506.00002", "2506.00001", "math/0101001",
				"hep-th/9901001", "2506.00010", "2506.00009");

		for (int size = 1; size <= expected.size() + 1; size++) {
			assertThat(readAll(size)).as("pages of %d", size).isEqualTo(expected);
		}
	}

	@Test
	void anEmptyCatalogHasNoPage() {
		assertThat(this.repository.newestAfter(null, 10)).isEmpty();
	}

	private List<String> readAll(int size) {
		List<String> read = new ArrayList<>();
		SearchRepository.Place after = null;
		for (int pages = 0; pages < 20; pages++) {
			List<SearchRepository.Place> page = this.repository.newestAfter(after, size);
			assertThat(page).hasSizeLessThanOrEqualTo(size);
			if (page.isEmpty()) {
				return read;
			}
			page.forEach((place) -> read.add(place.paperId()));
			after = page.get(page.size() - 1);
		}
		throw new AssertionError("more pages than papers: " + read);
	}

	private static Paper paper(String id, String published) {
		return TestPapers.paper(id).publishedAt((published != null) ? Instant.parse(published) : null).build();
	}

}
