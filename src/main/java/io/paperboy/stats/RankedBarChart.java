package io.paperboy.stats;

import java.util.List;

/**
 * Horizontal bars, largest first, each with its name, its value and a sparkline of how it moved:
 * the categories with the most votes over the last weeks, week by week.
 */
final class RankedBarChart {

	static final int WIDTH = 600;

	private static final double ROW = 26;

	private static final double TOP = 8;

	private static final double BOTTOM = 8;

	private static final double LABEL_WIDTH = 120;

	private static final double BAR_LEFT = LABEL_WIDTH + 8;

	private static final double TREND_WIDTH = 84;

	/** The bar column ends where the value's text and the trend column begin. */
	private static final double BAR_RIGHT = WIDTH - TREND_WIDTH - 64;

	/** Characters of a name that fit in the label column at the chart's font size. */
	static final int LABEL_CHARACTERS = 18;

	private RankedBarChart() {
	}

	/**
	 * A row.
	 *
	 * @param label the name (a category)
	 * @param value the bar's length
	 * @param trend the values over time that add up to {@code value}, oldest first, for the row's sparkline
	 */
	record Row(String label, long value, long... trend) {

	}

	/** Draws the rows in the order given; the caller ranks them. */
	static SvgMarkup render(Caption caption, List<Row> rows) {
		int height = (int) Math.ceil(TOP + Math.max(1, rows.size()) * ROW + BOTTOM);
		Svg svg = Svg.start(WIDTH, height, "chart-svg ranked-chart", caption);
		double max = rows.stream().mapToDouble(Row::value).max().orElse(0);
		Scale x = new Scale(0, Math.max(1, max), BAR_LEFT, BAR_RIGHT);
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			double top = TOP + i * ROW;
			double middle = top + ROW / 2;
			svg.open("g", "class", "row");
			svg.element("title", row.label() + ": " + Wording.count(row.value()));
			svg.element("text", shortened(row.label()), "class", "label", "x", Svg.number(LABEL_WIDTH), "y",
					Svg.number(middle + 4), "text-anchor", "end", "fill", "currentColor", "font-size", "12");
			double end = x.map(Math.max(0, row.value()));
			svg.empty("rect", "class", "series-0", "x", Svg.number(BAR_LEFT), "y", Svg.number(top + 5), "width",
					Svg.number(Math.max(0, end - BAR_LEFT)), "height", Svg.number(ROW - 10), "fill", "currentColor",
					"fill-opacity", "0.8");
			svg.element("text", Wording.compact(row.value()), "class", "value", "x", Svg.number(end + 6), "y",
					Svg.number(middle + 4), "fill", "currentColor", "font-size", "12");
			Sparkline.draw(svg, row.trend(), WIDTH - TREND_WIDTH, top + 2, TREND_WIDTH, ROW - 4);
			svg.close("g");
		}
		return svg.finish();
	}

	/** A name cut to fit the label column, with an ellipsis; never splits a character in two. */
	static String shortened(String label) {
		if (label.codePointCount(0, label.length()) <= LABEL_CHARACTERS) {
			return label;
		}
		int end = label.offsetByCodePoints(0, LABEL_CHARACTERS - 1);
		return label.substring(0, end) + "…";
	}

}
