package io.paperboy.stats;

import java.util.List;

/**
 * A chart as a page shows it: the drawing and what it says in words, for readers who cannot see
 * it (screen readers, text browsers, search engines).
 *
 * @param svg the drawing; its {@code aria-label} and {@code <desc>} carry {@code summary}
 * @param summary one sentence saying what the chart shows ("12 votes: 5 ... 7 ...")
 * @param table the numbers behind the chart, for a visually hidden table; empty when the summary says it all
 */
public record Chart(SvgMarkup svg, String summary, DataTable table) {

	/**
	 * The numbers behind a chart.
	 *
	 * @param caption what the table holds
	 * @param headers column headings, the first one heading the row labels
	 * @param rows one row per bar, day or category
	 */
	public record DataTable(String caption, List<String> headers, List<Row> rows) {

		public DataTable {
			headers = List.copyOf(headers);
			rows = List.copyOf(rows);
		}

		static DataTable none() {
			return new DataTable("", List.of(), List.of());
		}

		public boolean isEmpty() {
			return this.rows.isEmpty();
		}

	}

	/**
	 * A row of a {@link DataTable}.
	 *
	 * @param label what the row is about (a day, a category)
	 * @param values the row's numbers, formatted for reading
	 */
	public record Row(String label, List<String> values) {

		public Row {
			values = List.copyOf(values);
		}

	}

}
