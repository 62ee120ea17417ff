package io.paperboy.stats;

/**
 * A word-sized line of counts, one per day, oldest first: small enough for a card, with no axes
 * or labels; its caption carries the numbers.
 */
final class Sparkline {

	static final int WIDTH = 100;

	static final int HEIGHT = 24;

	/** Room for the line's width and the end dot, so neither is cut at the edges. */
	private static final double INSET = 3;

	private Sparkline() {
	}

	static SvgMarkup render(Caption caption, long[] counts) {
		Svg svg = Svg.start(WIDTH, HEIGHT, "chart-svg sparkline", caption);
		draw(svg, counts, 0, 0, WIDTH, HEIGHT);
		return svg.finish();
	}

	/** Draws the line inside the given box of a larger drawing (a row of the ranked chart, say). */
	static void draw(Svg svg, long[] counts, double left, double top, double width, double height) {
		double max = 0;
		for (long count : counts) {
			max = Math.max(max, count);
		}
		Scale x = new Scale(0, Math.max(0, counts.length - 1), left + INSET, left + width - INSET);
		Scale y = new Scale(0, Math.max(1, max), top + height - INSET, top + INSET);
		if (counts.length == 0) {
			svg.empty("line", "class", "baseline", "x1", Svg.number(left + INSET), "x2", Svg.number(left + width - INSET),
					"y1", Svg.number(y.map(0)), "y2", Svg.number(y.map(0)), "stroke", "currentColor", "stroke-opacity",
					"0.3");
			return;
		}
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < counts.length; i++) {
			if (i > 0) {
				points.append(' ');
			}
			points.append(Svg.number(x.map(i))).append(',').append(Svg.number(y.map(counts[i])));
		}
		svg.empty("polyline", "class", "line", "points", points.toString(), "fill", "none", "stroke", "currentColor",
				"stroke-width", "1.5", "stroke-linejoin", "round", "stroke-linecap", "round");
		int last = counts.length - 1;
		svg.empty("circle", "class", "dot", "cx", Svg.number(x.map(last)), "cy", Svg.number(y.map(counts[last])), "r",
				"2", "fill", "currentColor");
	}

}
