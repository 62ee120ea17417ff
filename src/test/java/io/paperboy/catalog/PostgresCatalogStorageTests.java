package io.paperboy.catalog;

import java.time.Instant;
import java.util.List;

import io.paperboy.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
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
