package io.paperboy.ingest.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The snapshot import into a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresSnapshotImportTests extends SnapshotImportContract {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Catalog catalog;

	/**
	 * On PostgreSQL a batch's papers, authors, categories and versions each go in by {@code COPY}: a
	 * refusal in the middle of one (here a trigger refusing one author row of the third batch, after
	 * that batch's papers were copied) fails the batch whole, and the next run saves it again. The
	 * trigger fires "always", as it must to fire for the rows of new papers at all.
	 */
	@Test
	void aBatchTheDatabaseRefusesMidCopyRollsBackWholeAndTheNextRunResumesAtIt() throws IOException {
		Path file = sample();
		SnapshotReport uninterrupted = importFile(file, 50);
		List<String> expected = catalogState();
		emptyCatalog();
		String refused = JsonMapper.builder().build().readTree(Files.readAllLines(file).get(119)).get("id").stringValue();
		this.jdbc.sql("""
				create function refuse_one_author() returns trigger language plpgsql as $$
				begin
				    if new.paper_id = '%s' then raise exception 'author of %% refused', new.paper_id; end if;
				    return new;
				end $$""".formatted(refused)).update();
		this.jdbc.sql("""
				create trigger refuse_one_author before insert on paper_authors
				for each row execute function refuse_one_author()""").update();
		// the rows of new papers go in with triggers off but those enabled "always" (docs/import.md)
		this.jdbc.sql("alter table paper_authors enable always trigger refuse_one_author").update();
		try {
			assertThatThrownBy(() -> importFile(file, 50)).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("author of " + refused + " refused");
		}
		finally {
			this.jdbc.sql("drop trigger refuse_one_author on paper_authors").update();
			this.jdbc.sql("drop function refuse_one_author()").update();
		}
		assertThat(committedLine(file)).isEqualTo(100);
		assertThat(this.catalog.countPapers()).isEqualTo(100);
		assertThat(this.catalog.findPaper(refused)).isEmpty();
		SnapshotReport resumed = importFile(file, 50);
		assertThat(resumed.resumedAfterLine()).isEqualTo(100);
		assertSameCounts(resumed, uninterrupted);
		assertThat(catalogState()).isEqualTo(expected);
	}

}
