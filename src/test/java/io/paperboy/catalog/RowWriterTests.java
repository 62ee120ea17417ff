package io.paperboy.catalog;

import java.io.ByteArrayOutputStream;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The binary COPY format byte for byte; what PostgreSQL makes of it is in the storage contracts. */
class RowWriterTests {

	@Test
	void nullIsALengthOfMinusOneAndEmptyTextALengthOfZero() throws SQLException {
		assertThat(encoded(null)).isEqualTo("0001" + "ffffffff");
		assertThat(encoded("")).isEqualTo("0001" + "00000000");
	}

	@Test
	void textIsItsUtf8BytesWithTabsBackslashesQuotesAndLineBreaksAsTheyAre() throws SQLException {
		assertThat(encoded("a\t\\N\"\n\r,é")).isEqualTo("0001" + "0000000a" + "61095c4e220a0d2cc3a9");
	}

	@Test
	void numbersAndBooleansAreBigEndianOfTheirColumnsWidth() throws SQLException {
		assertThat(encoded(258)).isEqualTo("0001" + "00000004" + "00000102");
		assertThat(encoded(-1)).isEqualTo("0001" + "00000004" + "ffffffff");
		assertThat(encoded(1L << 40)).isEqualTo("0001" + "00000008" + "0000010000000000");
		assertThat(encoded(true)).isEqualTo("0001" + "00000001" + "01");
		assertThat(encoded(false)).isEqualTo("0001" + "00000001" + "00");
	}

	@Test
	void timesAreMicrosecondsAndDaysAreDaysSince2000RoundedAsPostgresRoundsText() throws SQLException {
		assertThat(encoded(Instant.parse("2000-01-01T00:00:01Z"))).isEqualTo("0001" + "00000008" + "00000000000f4240");
		assertThat(encoded(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_600, ZoneOffset.UTC)))
			.isEqualTo(encoded(Instant.parse("2000-01-01T00:00:00Z")));
		assertThat(encoded(Instant.parse("1999-12-31T23:59:59.999999Z"))).isEqualTo("0001" + "00000008" + "ffffffffffffffff");
		assertThat(encoded(LocalDate.of(2000, 1, 2))).isEqualTo("0001" + "00000004" + "00000001");
		assertThat(encoded(Date.valueOf(LocalDate.of(1999, 12, 31)))).isEqualTo("0001" + "00000004" + "ffffffff");
	}

	@Test
	void rowsLongerThanAChunkArriveWholeAndInOrder() throws SQLException {
		ByteArrayOutputStream sent = new ByteArrayOutputStream();
		RowWriter.BinaryRows rows = new RowWriter.BinaryRows(sent::write);
		String big = "x".repeat(100_000);
		rows.row(new Object[] { "a", big, "b" }, 3);
		rows.flush();
		byte[] bytes = sent.toByteArray();
		assertThat(bytes).hasSize(2 + 3 * 4 + 1 + 100_000 + 1);
		assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 'b');
		assertThat(bytes[2 + 4 + 1 + 4]).isEqualTo((byte) 'x');
	}

	@Test
	void aValueOfAnotherTypeOrARowOfAnotherWidthIsRefused() {
		RowWriter.BinaryRows rows = new RowWriter.BinaryRows((bytes, offset, length) -> {
		});
		assertThatIllegalArgumentException().isThrownBy(() -> rows.row(new Object[] { 1.5 }, 1))
			.withMessageContaining("java.lang.Double");
		assertThatIllegalArgumentException().isThrownBy(() -> rows.row(new Object[] { "a" }, 2))
			.withMessageContaining("1 values for 2 columns");
	}

	private static String encoded(Object value) throws SQLException {
		RowWriter.BinaryRows rows = new RowWriter.BinaryRows((bytes, offset, length) -> {
			throw new AssertionError("a small row is not sent before it is flushed");
		});
		rows.row(new Object[] { value }, 1);
		return HexFormat.of().formatHex(rows.buffered());
	}

}
