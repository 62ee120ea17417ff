package io.paperboy.search;

import java.util.List;

import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2, search's look at papers' rows goes through the index that holds its columns, not through
 * the primary key, which would read each whole row.
 */
@StorageTest
class H2SearchStampsStorageTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLookAtPapersRowsUsesTheIndexOfItsColumns() {
		String plan = this.jdbc.sql("explain " + SearchRepository.STAMPS)
			.param("ids", List.of("2506.00001", "2506.00002"))
			.query(String.class)
			.single();

		assertThat(plan).containsIgnoringCase("papers_search_stamps");
	}

}
