package io.paperboy.stats;

import java.util.List;

/**
 * Vertical bars, one per day (or any step), each a stack of one or more series: papers per day,
 * or votes per day split into those imported at entry and those cast by members.
 */
final class BarChart {

	static final int WIDTH = 600;

	private static final int HEIGHT = 220;

	private static final double LEFT = 48;

	private static final double RIGHT = 12;

	/** Room above the bars: for the legend when there is one. */
	private static final double TOP_WITH_LEGEND = 28;

	private static final double TOP = 12;

	private static final double BOTTOM = 26;

	private BarChart() {
	}

	/**
	 * A bar.
	 *
	 * @param label what the bar stands for, in full ("Jun 2, 2025"), for its tooltip
	 * @param axisLabel the label under the bar, or {@code null} for none (a label under every
	 * one of 56 bars would not fit)
	 * @param values one value per series, bottom of the stack first
	 */
	record Bar(String label, String axisLabel, long... values) {

	}

	/**
	 * Draws {@code bars} from left to right.
	 * @param series the names of the series, bottom of the stack first; a legend shows them when there are two or more
	 */
	static SvgMarkup render(Caption caption, List<String> series, List<Bar> bars, String emptyNote) {
		double max = 0;
		for (Bar bar : bars) {
			max = Math.max(max, stackHeight(bar));
		}
		CountAxis axis = CountAxis.upTo(max, 4);
		double top = (series.size() > 1) ? TOP_WITH_LEGEND : TOP;
		Scale y = new Scale(0, axis.top(), HEIGHT - BOTTOM, top);
		Svg svg = Svg.start(WIDTH, HEIGHT, "chart-svg bar-chart", caption);
		for (double tick : axis.ticks()) {
			double py = y.map(tick);
			svg.empty("line", "class", "grid", "x1", Svg.number(LEFT), "x2", Svg.number(WIDTH - RIGHT), "y1",
					Svg.number(py), "y2", Svg.number(py), "stroke", "currentColor", "stroke-opacity", "0.15");
			svg.element("text", Wording.compact(tick), "class", "tick", "x", Svg.number(LEFT - 6), "y",
					Svg.number(py + 4), "text-anchor", "end", "fill", "currentColor", "font-size", "12");
		}
		if (series.size() > 1) {
			legend(svg, series);
		}
		if (max == 0) {
			svg.element("text", emptyNote, "class", "note", "x", Svg.number((LEFT + WIDTH - RIGHT) / 2), "y",
					Svg.number((top + HEIGHT - BOTTOM) / 2), "text-anchor", "middle", "fill", "currentColor",
					"font-size", "13");
		}
		double slot = (bars.isEmpty()) ? 0 : (WIDTH - LEFT - RIGHT) / bars.size();
		double barWidth = Math.max(1, slot * 0.8);
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			double left = LEFT + i * slot + (slot - barWidth) / 2;
			double below = 0;
			for (int s = 0; s < bar.values().length; s++) {
				long value = bar.values()[s];
				if (value <= 0) {
					continue;
				}
				double bottom = y.map(below);
				double stackTop = y.map(below + value);
				below += value;
				String name = (s < series.size()) ? series.get(s) : "";
				svg.open("rect", "class", "series-" + s, "x", Svg.number(left), "y", Svg.number(stackTop), "width",
						Svg.number(barWidth), "height", Svg.number(bottom - stackTop), "fill", "currentColor", "fill-opacity",
						(s == 0) ? "0.8" : "0.4");
				svg.element("title", bar.label() + (name.isEmpty() ? "" : ", " + name) + ": " + Wording.count(value));
				svg.close("rect");
			}
			if (bar.axisLabel() != null) {
				svg.element("text", bar.axisLabel(), "class", "tick", "x", Svg.number(left), "y",
						Svg.number(HEIGHT - 8), "text-anchor", "start", "fill", "currentColor", "font-size", "12");
			}
		}
		return svg.finish();
	}

	private static double stackHeight(Bar bar) {
		double height = 0;
		for (long value : bar.values()) {
			height += Math.max(0, value);
		}
		return height;
	}

	private static void legend(Svg svg, List<String> series) {
		double x = LEFT;
		for (int s = 0; s < series.size(); s++) {
			svg.empty("rect", "class", "series-" + s, "x", Svg.number(x), "y", "6", "width", "10", "height", "10", "fill",
					"currentColor", "fill-opacity", (s == 0) ? "0.8" : "0.4");
			svg.element("text", series.get(s), "class", "legend", "x", Svg.number(x + 14), "y", "15", "fill",
					"currentColor", "font-size", "12");
			// wide enough for the names this package uses; a long name only runs into the next one
			x += 24 + 7 * series.get(s).length();
		}
	}

}
