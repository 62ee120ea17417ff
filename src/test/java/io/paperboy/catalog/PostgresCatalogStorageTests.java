package io.paperboy.catalog;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.paperboy.support.EmbeddedPostgresSupport;
import io.paperboy.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's storage on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresCatalogStorageTests extends CatalogStorageContract {

	@Autowired
	private RowWriter rows;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	/** The checks must be gone for the rows of new papers only, and back for what follows. */
	@Test
	void rowsTrustedAsTheirOwnSkipTheForeignKeyCheckAndTheNextInsertIsCheckedAgain() {
		// a row pointing at no paper shows whether the check ran: callers never write one
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.rows.trustingOwnRows(() -> this.rows.insert("paper_categories",
					List.of("paper_id", "position", "category"), List.<Object[]>of(new Object[] { "2401.09990", 0, "cs.AI" })));
			assertThat(this.jdbc.queryForObject("select count(*) from paper_categories where paper_id = '2401.09990'",
					Integer.class)).isOne();
			this.rows.insert("paper_categories", List.of("paper_id", "position", "category"),
					List.<Object[]>of(new Object[] { "2401.09991", 0, "cs.AI" }));
		})).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("paper_categories");

		assertThat(this.jdbc.queryForObject("select count(*) from paper_categories where paper_id like '2401.0999%'",
				Integer.class)).isZero();
	}

	/** Skipping the checks takes a privilege; a user without it gets every row checked as before. */
	@Test
	void aUserWithoutThePrivilegeHasItsTrustedRowsCheckedAndOneGrantedItDoesNot() {
		this.jdbc.execute("create role importer login");
		this.jdbc.execute("grant select, insert, update, delete on all tables in schema public to importer");
		try {
			// the shared URL names its own user: without it, the one given here counts
			DriverManagerDataSource importer = new DriverManagerDataSource(
					EmbeddedPostgresSupport.jdbcUrl().replaceFirst("\\?.*", ""), "importer", "");
			assertThat(new JdbcTemplate(importer).queryForObject("select current_user", String.class))
				.isEqualTo("importer");
			assertThatThrownBy(() -> orphanCategory(importer)).isInstanceOf(DataIntegrityViolationException.class);

			this.jdbc.execute("grant set on parameter session_replication_role to importer");
			assertThat(orphanCategory(importer)).isOne();
		}
		finally {
			this.jdbc.execute("revoke set on parameter session_replication_role from importer");
			this.jdbc.execute("drop owned by importer cascade; drop role importer");
		}
	}

	/** Writes a category of no paper as trusted, with a new writer for this user; rolled back. */
	private static Integer orphanCategory(DataSource dataSource) {
		RowWriter writer = new RowWriter(new JdbcTemplate(dataSource), dataSource);
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute((status) -> {
			status.setRollbackOnly();
			writer.trustingOwnRows(() -> writer.insert("paper_categories", List.of("paper_id", "position", "category"),
					List.<Object[]>of(new Object[] { "2401.09992", 0, "cs.AI" })));
			return new JdbcTemplate(dataSource)
				.queryForObject("select count(*) from paper_categories where paper_id = '2401.09992'", Integer.class);
		});
	}

	/** PostgreSQL stores no NUL in text, in any form of input: the batch fails whole with its cause. */
	@Test
	void aNulInAnAuthorsNameFailsTheWholeBatchAndTheNextOneSaves() {
		ArxivRecord good = record("2401.00040", "Ada Lovelace");
		ArxivRecord bad = record("2401.00041", "Ada\u0000Lovelace");

		assertThatThrownBy(() -> this.catalog.saveArxivRecords(List.of(good, bad)))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("0x00");

		assertThat(this.catalog.countPapers()).isZero();
		assertThat(this.catalog.saveArxivRecords(List.of(good))).containsEntry("2401.00040", SaveOutcome.CREATED);
		assertThat(this.catalog.findPaper("2401.00040")).isPresent();
	}

	/** A value the binary format has no form for stops the COPY; the connection serves what follows. */
	@Test
	void aValueThatCannotBeCopiedRollsBackItsTransactionAndTheConnectionServesTheNext() {
		this.catalog.saveArxivRecords(List.of(record("2401.00042", "Ada Lovelace")));

		assertThatIllegalArgumentException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.rows.insert("paper_categories", List.of("paper_id", "position", "category"),
					List.<Object[]>of(new Object[] { "2401.00042", 5, "cs.AI" }));
			this.rows.insert("paper_categories", List.of("paper_id", "position", "category"),
					List.of(new Object[] { "2401.00042", 6, "cs.AI" }, new Object[] { "2401.00042", 7.5, "cs.AI" }));
		})).withMessageContaining("java.lang.Double");

		for (int i = 0; i < 3; i++) {
			assertThat(this.catalog.findPaper("2401.00042").orElseThrow().categories()).containsExactly("cs.CL");
		}
	}

	private static ArxivRecord record(String id, String author) {
		return new ArxivRecord(id, 1, "Title", "An abstract.", List.of(Author.fromArxiv(author, List.of())),
				List.of("cs.CL"), Instant.parse("2024-01-01T10:00:00Z"), Instant.parse("2024-01-01T10:00:00Z"), null,
				null, null, null, List.of());
	}

}
