package io.paperboy.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A step chart of a running total over time, such as a paper's votes: flat between events, a rise
 * at each. The line starts at zero at the first event and runs on, flat, to the chart's end time
 * (now), so a quiet stretch shows as quiet.
 */
final class StepChart {

	static final int WIDTH = 600;

	static final int HEIGHT = 200;

	private static final double LEFT = 48;

	private static final double RIGHT = 12;

	private static final double TOP = 12;

	private static final double BOTTOM = 26;

	private StepChart() {
	}

	/**
	 * Draws {@code points} (in any order) from the first of them to {@code end}; an {@code end}
	 * before the last point is ignored. No points give an empty frame with a "No votes yet" note.
	 */
	static SvgMarkup render(Caption caption, List<TimedCount> points, Instant end, String emptyNote) {
		List<TimedCount> sorted = points.stream()
			.sorted(Comparator.comparing(TimedCount::at).thenComparingLong(TimedCount::total))
			.toList();
		long max = sorted.stream().mapToLong(TimedCount::total).max().orElse(0);
		CountAxis axis = CountAxis.upTo(max, 4);
		Scale y = new Scale(0, axis.top(), HEIGHT - BOTTOM, TOP);
		Svg svg = Svg.start(WIDTH, HEIGHT, "chart-svg step-chart", caption);
		yAxis(svg, axis, y);
		if (sorted.isEmpty()) {
			svg.element("text", emptyNote, "class", "note", "x", Svg.number((LEFT + WIDTH - RIGHT) / 2), "y",
					Svg.number((TOP + HEIGHT - BOTTOM) / 2), "text-anchor", "middle", "fill", "currentColor",
					"font-size", "13");
			return svg.finish();
		}
		Instant first = sorted.get(0).at();
		Instant last = sorted.get(sorted.size() - 1).at();
		Instant right = (end != null && end.isAfter(last)) ? end : last;
		Scale x = new Scale(seconds(first), seconds(right), LEFT, WIDTH - RIGHT);
		List<double[]> steps = collapse(sorted, x, y);
		double baseline = y.map(0);

		StringBuilder line = new StringBuilder("M").append(Svg.number(steps.get(0)[0])).append(' ').append(Svg.number(baseline));
		for (double[] step : steps) {
			line.append("H").append(Svg.number(step[0])).append("V").append(Svg.number(step[1]));
		}
		double endX = x.map(seconds(right));
		line.append("H").append(Svg.number(endX));
		String area = line + "V" + Svg.number(baseline) + "Z";

		svg.empty("path", "class", "area", "d", area, "fill", "currentColor", "fill-opacity", "0.12", "stroke", "none");
		svg.empty("path", "class", "line", "d", line.toString(), "fill", "none", "stroke", "currentColor",
				"stroke-width", "2", "stroke-linejoin", "round");
		svg.empty("circle", "class", "dot", "cx", Svg.number(endX), "cy", Svg.number(steps.get(steps.size() - 1)[1]),
				"r", "3.5", "fill", "currentColor");
		xAxis(svg, first, right, x);
		return svg.finish();
	}

	/**
	 * The corners of the steps, one per horizontal unit of the drawing at most: a thousand votes
	 * in one afternoon draw as one rise, and the markup stays small however many votes there are.
	 */
	private static List<double[]> collapse(List<TimedCount> sorted, Scale x, Scale y) {
		List<double[]> steps = new ArrayList<>();
		long previousColumn = Long.MIN_VALUE;
		for (TimedCount point : sorted) {
			double px = x.map(seconds(point.at()));
			double py = y.map(point.total());
			long column = (long) Math.floor(px);
			if (column == previousColumn) {
				steps.get(steps.size() - 1)[1] = py;
			}
			else {
				steps.add(new double[] { px, py });
				previousColumn = column;
			}
		}
		return steps;
	}

	private static void yAxis(Svg svg, CountAxis axis, Scale y) {
		for (double tick : axis.ticks()) {
			double py = y.map(tick);
			svg.empty("line", "class", "grid", "x1", Svg.number(LEFT), "x2", Svg.number(WIDTH - RIGHT), "y1",
					Svg.number(py), "y2", Svg.number(py), "stroke", "currentColor", "stroke-opacity", "0.15");
			svg.element("text", Wording.compact(tick), "class", "tick", "x", Svg.number(LEFT - 6), "y",
					Svg.number(py + 4), "text-anchor", "end", "fill", "currentColor", "font-size", "12");
		}
	}

	private static void xAxis(Svg svg, Instant first, Instant last, Scale x) {
		LocalDate firstDay = LocalDate.ofInstant(first, ZoneOffset.UTC);
		LocalDate lastDay = LocalDate.ofInstant(last, ZoneOffset.UTC);
		double labelY = HEIGHT - 8;
		if (firstDay.equals(lastDay)) {
			svg.element("text", Wording.dayOfYear(firstDay), "class", "tick", "x", Svg.number(x.map(seconds(first))),
					"y", Svg.number(labelY), "text-anchor", "middle", "fill", "currentColor", "font-size", "12");
			return;
		}
		boolean sameYear = firstDay.getYear() == lastDay.getYear();
		svg.element("text", sameYear ? Wording.day(firstDay) : Wording.dayOfYear(firstDay), "class", "tick", "x",
				Svg.number(LEFT), "y", Svg.number(labelY), "text-anchor", "start", "fill", "currentColor", "font-size",
				"12");
		svg.element("text", Wording.dayOfYear(lastDay), "class", "tick", "x", Svg.number(WIDTH - RIGHT), "y",
				Svg.number(labelY), "text-anchor", "end", "fill", "currentColor", "font-size", "12");
	}

	private static double seconds(Instant instant) {
		return instant.getEpochSecond() + instant.getNano() / 1e9;
	}

}
