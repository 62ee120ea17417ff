package io.paperboy.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The SVG renderers, without Spring: geometry, empty and extreme data, accessibility and escaping. */
class ChartRenderingTests {

	private static final Instant JUNE_2 = Instant.parse("2025-06-02T12:00:00Z");

	private static final Caption CAPTION = new Caption("Votes over time", "12 votes: 5 on Jun 2 at entry, 7 since.");

	private static final String HOSTILE = "<script>alert(1)</script> \"quoted\" & 'single' \u0000\u0007 ]]> 日本 🚀";

	@Test
	void aStepChartKeepsEveryPointInsideItsViewBox() {
		SvgDocument svg = SvgDocument.parse(StepChart.render(CAPTION,
				List.of(point(JUNE_2, 5), point(JUNE_2.plus(Duration.ofDays(1)), 9), point(JUNE_2.plus(Duration.ofDays(7)), 12)),
				JUNE_2.plus(Duration.ofDays(10)), "No votes yet"));

		assertInsideViewBox(svg);
		assertThat(svg.width()).isEqualTo(StepChart.WIDTH);
	}

	@Test
	void aStepChartRisesAtEachEventAndRunsFlatToTheEnd() {
		Instant end = JUNE_2.plus(Duration.ofDays(10));
		SvgDocument svg = SvgDocument.parse(StepChart.render(CAPTION,
				List.of(point(JUNE_2, 5), point(JUNE_2.plus(Duration.ofDays(5)), 10)), end, "No votes yet"));

		String line = svg.withClass("path", "line").get(0).getAttribute("d");
		List<Double> xs = SvgDocument.pathCoordinates(line, true);
		List<Double> ys = SvgDocument.pathCoordinates(line, false);
		// starts at the left edge on the zero line, ends at the right edge
		assertThat(xs.get(0)).isEqualTo(48.0);
		assertThat(xs.get(xs.size() - 1)).isEqualTo(588.0);
		assertThat(ys.get(0)).isEqualTo(174.0);
		// halfway through the ten days, the second rise: 5 → 10 of an axis that tops at 10
		assertThat(xs).contains(318.0);
		assertThat(ys).containsSubsequence(174.0, 93.0, 12.0);
		// the ticks are round numbers
		assertThat(svg.withClass("text", "tick")).extracting(Element::getTextContent).startsWith("0", "5", "10");
	}

	@Test
	void aStepChartWithoutPointsIsAnEmptyFrameWithANote() {
		SvgDocument svg = SvgDocument.parse(StepChart.render(CAPTION, List.of(), JUNE_2, "No votes yet"));

		assertThat(svg.withClass("path", "line")).isEmpty();
		assertThat(svg.withClass("text", "note")).extracting(Element::getTextContent).containsExactly("No votes yet");
		assertInsideViewBox(svg);
	}

	@Test
	void aStepChartOfOnePointAtTheEndTimeDrawsItInTheMiddle() {
		SvgDocument svg = SvgDocument.parse(StepChart.render(CAPTION, List.of(point(JUNE_2, 3)), JUNE_2, "No votes yet"));

		Element dot = svg.withClass("circle", "dot").get(0);
		assertThat(Double.parseDouble(dot.getAttribute("cx"))).isEqualTo((48 + 588) / 2.0);
		assertThat(svg.withClass("text", "tick")).extracting(Element::getTextContent).contains("Jun 2, 2025");
		assertInsideViewBox(svg);
	}

	@Test
	void hugeTotalsStayInsideTheViewBoxWithShortLabels() {
		SvgDocument svg = SvgDocument.parse(StepChart.render(CAPTION,
				List.of(point(JUNE_2, Long.MAX_VALUE / 2), point(JUNE_2.plusSeconds(60), Long.MAX_VALUE)),
				JUNE_2.plusSeconds(3600), "No votes yet"));

		assertInsideViewBox(svg);
		assertThat(svg.withClass("text", "tick")).extracting(Element::getTextContent).contains("10E");
	}

	@Test
	void aMillionVotesDrawAsAPathOfBoundedSize() {
		List<TimedCount> points = new ArrayList<>();
		for (int i = 1; i <= 1_000_000; i++) {
			points.add(point(JUNE_2.plusSeconds(i * 30L), i));
		}

		SvgMarkup markup = StepChart.render(CAPTION, points, null, "No votes yet");

		assertThat(markup.toString().length()).isLessThan(40_000);
		assertInsideViewBox(SvgDocument.parse(markup));
	}

	@Test
	void theSameDataAlwaysGivesTheSameMarkupInAnyLocale() {
		List<TimedCount> points = List.of(point(JUNE_2, 1), point(JUNE_2.plusSeconds(7777), 3));
		String first = StepChart.render(CAPTION, points, JUNE_2.plusSeconds(99_999), "none").toString();
		Locale locale = Locale.getDefault();
		try {
			Locale.setDefault(Locale.GERMANY);
			assertThat(StepChart.render(CAPTION, List.of(points.get(1), points.get(0)), JUNE_2.plusSeconds(99_999), "none"))
				.hasToString(first);
		}
		finally {
			Locale.setDefault(locale);
		}
		assertThat(first).doesNotContain(",5").contains(".5");
	}

	@Test
	void everyChartIsAnImageWithANameTitleAndDescription() {
		for (SvgMarkup markup : List.of(StepChart.render(CAPTION, List.of(), JUNE_2, "none"),
				Sparkline.render(CAPTION, new long[] { 1, 2 }),
				BarChart.render(CAPTION, List.of("papers"), List.of(new BarChart.Bar("Jun 2", "Jun 2", 3)), "none"),
				RankedBarChart.render(CAPTION, List.of(new RankedBarChart.Row("cs.LG", 3, 1, 2))))) {
			SvgDocument svg = SvgDocument.parse(markup);
			assertThat(svg.root().getAttribute("role")).isEqualTo("img");
			assertThat(svg.root().getAttribute("aria-label")).isEqualTo(CAPTION.description());
			assertThat(svg.root().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
			assertThat(svg.text("title")).isEqualTo(CAPTION.title());
			assertThat(svg.text("desc")).isEqualTo(CAPTION.description());
		}
	}

	@Test
	void hostileTextIsEscapedEverywhere() {
		Caption caption = new Caption(HOSTILE, HOSTILE);
		List<SvgMarkup> charts = List.of(StepChart.render(caption, List.of(), JUNE_2, HOSTILE),
				Sparkline.render(caption, new long[0]),
				BarChart.render(caption, List.of(HOSTILE, HOSTILE), List.of(new BarChart.Bar(HOSTILE, HOSTILE, 1, 2)),
						HOSTILE),
				RankedBarChart.render(caption, List.of(new RankedBarChart.Row(HOSTILE, 3, 3))));

		for (SvgMarkup markup : charts) {
			String text = markup.toString();
			assertThat(text).doesNotContain("<script").doesNotContain("\"quoted\"").doesNotContain("'single'")
				.doesNotContain("\u0000")
				.doesNotContain("]]>");
			assertThat(text).contains("&lt;script&gt;").contains("&quot;quoted&quot;").contains("&amp;");
			SvgDocument svg = SvgDocument.parse(markup);
			assertThat(svg.root().getAttribute("aria-label"))
				.isEqualTo("<script>alert(1)</script> \"quoted\" & 'single'  ]]> 日本 🚀");
		}
	}

	@Test
	void aSparklineSpreadsItsDaysAcrossTheWidthAndScalesToTheLargest() {
		SvgDocument svg = SvgDocument.parse(Sparkline.render(CAPTION, new long[] { 0, 4, 2, 0, 8 }));

		String[] points = svg.withClass("polyline", "line").get(0).getAttribute("points").split(" ");
		assertThat(points).containsExactly("3,21", "26.5,12", "50,16.5", "73.5,21", "97,3");
		assertInsideViewBox(svg);
	}

	@Test
	void aSparklineOfNothingIsABaselineAndOfOneDayADotInTheMiddle() {
		SvgDocument nothing = SvgDocument.parse(Sparkline.render(CAPTION, new long[0]));
		assertThat(nothing.withClass("line", "baseline")).hasSize(1);
		assertThat(nothing.elements("polyline")).isEmpty();

		SvgDocument oneDay = SvgDocument.parse(Sparkline.render(CAPTION, new long[] { 7 }));
		assertThat(oneDay.withClass("circle", "dot").get(0).getAttribute("cx")).isEqualTo("50");
		assertInsideViewBox(oneDay);

		SvgDocument quiet = SvgDocument.parse(Sparkline.render(CAPTION, new long[] { 0, 0, 0 }));
		assertThat(quiet.ys()).containsOnly(21.0);
	}

	@Test
	void aSparklineOfHugeCountsStaysInsideTheViewBox() {
		assertInsideViewBox(SvgDocument.parse(Sparkline.render(CAPTION, new long[] { Long.MAX_VALUE, 0, Long.MAX_VALUE })));
	}

	@Test
	void barsAreAsTallAsTheirValuesAndStackTheirSeries() {
		SvgDocument svg = SvgDocument.parse(BarChart.render(CAPTION, List.of("imported", "members"),
				List.of(new BarChart.Bar("Jun 2, 2025", "Jun 2", 10, 10), new BarChart.Bar("Jun 3, 2025", null, 0, 5)),
				"none"));

		List<Element> imported = svg.withClass("rect", "series-0").stream().filter((r) -> r.hasChildNodes()).toList();
		List<Element> members = svg.withClass("rect", "series-1").stream().filter((r) -> r.hasChildNodes()).toList();
		assertThat(imported).hasSize(1);
		assertThat(members).hasSize(2);
		double importedHeight = height(imported.get(0));
		assertThat(height(members.get(0))).isCloseTo(importedHeight, within(0.1));
		assertThat(height(members.get(1))).isCloseTo(importedHeight / 2, within(0.1));
		// the members' part sits on the imported part
		assertThat(y(members.get(0)) + height(members.get(0))).isCloseTo(y(imported.get(0)), within(0.1));
		assertThat(imported.get(0).getTextContent()).isEqualTo("Jun 2, 2025, imported: 10");
		assertThat(svg.withClass("text", "tick")).extracting(Element::getTextContent).contains("Jun 2").doesNotContain("Jun 3");
		assertThat(svg.withClass("text", "legend")).extracting(Element::getTextContent).containsExactly("imported", "members");
		assertInsideViewBox(svg);
	}

	@Test
	void barsWithNothingToShowSaySo() {
		SvgDocument empty = SvgDocument.parse(BarChart.render(CAPTION, List.of("papers"), List.of(), "No papers"));
		SvgDocument zeros = SvgDocument.parse(BarChart.render(CAPTION, List.of("papers"),
				List.of(new BarChart.Bar("a", null, 0), new BarChart.Bar("b", null, 0)), "No papers"));

		for (SvgDocument svg : List.of(empty, zeros)) {
			assertThat(svg.withClass("text", "note")).extracting(Element::getTextContent).containsExactly("No papers");
			assertThat(svg.withClass("rect", "series-0")).isEmpty();
			assertInsideViewBox(svg);
		}
	}

	@Test
	void manyDaysOfHugeBarsStayInsideTheViewBox() {
		List<BarChart.Bar> bars = LongStream.range(0, 364)
			.mapToObj((i) -> new BarChart.Bar("day " + i, (i % 28 == 0) ? "d" + i : null, Long.MAX_VALUE / 3, i))
			.toList();

		assertInsideViewBox(SvgDocument.parse(BarChart.render(CAPTION, List.of("a", "b"), bars, "none")));
	}

	@Test
	void rankedBarsAreAsLongAsTheirValuesInTheOrderGiven() {
		SvgDocument svg = SvgDocument.parse(RankedBarChart.render(CAPTION,
				List.of(new RankedBarChart.Row("cs.LG", 40, 10, 30), new RankedBarChart.Row("cs.CL", 10, 5, 5))));

		assertThat(svg.withClass("text", "label")).extracting(Element::getTextContent).containsExactly("cs.LG", "cs.CL");
		List<Element> bars = svg.withClass("rect", "series-0");
		assertThat(width(bars.get(1))).isCloseTo(width(bars.get(0)) / 4, within(0.1));
		assertThat(svg.withClass("polyline", "line")).hasSize(2);
		assertThat(svg.height()).isEqualTo(8 + 2 * 26 + 8);
		assertInsideViewBox(svg);
	}

	@Test
	void aLongNameIsShortenedWithoutSplittingACharacter() {
		assertThat(RankedBarChart.shortened("cs.LG")).isEqualTo("cs.LG");
		String emoji = "🚀".repeat(30);
		String shortened = RankedBarChart.shortened(emoji);
		assertThat(shortened).isEqualTo("🚀".repeat(17) + "…");
		// a lone surrogate would show up as a code point of its own
		assertThat(shortened.codePoints().filter((c) -> c >= 0xD800 && c <= 0xDFFF)).isEmpty();
	}

	@Test
	void countAxesEndOnRoundNumbers() {
		assertThat(CountAxis.upTo(0, 4)).isEqualTo(new CountAxis(1, List.of(0.0, 1.0)));
		assertThat(CountAxis.upTo(3, 4).ticks()).containsExactly(0.0, 1.0, 2.0, 3.0);
		assertThat(CountAxis.upTo(12, 4).ticks()).containsExactly(0.0, 5.0, 10.0, 15.0);
		assertThat(CountAxis.upTo(8506, 4).ticks()).containsExactly(0.0, 5000.0, 10000.0);
	}

	@Test
	void axisLabelsAreShortAndCountsAreWrittenInFull() {
		assertThat(Wording.compact(950)).isEqualTo("950");
		assertThat(Wording.compact(9500)).isEqualTo("9,500");
		assertThat(Wording.compact(95_000)).isEqualTo("95k");
		assertThat(Wording.compact(1_200_000)).isEqualTo("1.2M");
		assertThat(Wording.count(1, "vote")).isEqualTo("1 vote");
		assertThat(Wording.count(1234, "vote")).isEqualTo("1,234 votes");
	}

	private static TimedCount point(Instant at, long total) {
		return new TimedCount(at, total);
	}

	private static double y(Element rect) {
		return Double.parseDouble(rect.getAttribute("y"));
	}

	private static double height(Element rect) {
		return Double.parseDouble(rect.getAttribute("height"));
	}

	private static double width(Element rect) {
		return Double.parseDouble(rect.getAttribute("width"));
	}

	static void assertInsideViewBox(SvgDocument svg) {
		assertThat(svg.xs()).isNotEmpty().allSatisfy((x) -> assertThat(x).isBetween(0.0, svg.width()));
		assertThat(svg.ys()).isNotEmpty().allSatisfy((y) -> assertThat(y).isBetween(0.0, svg.height()));
	}

}
