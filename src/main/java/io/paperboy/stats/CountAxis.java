package io.paperboy.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A y axis for counts: from zero to a round number at or above the largest count, with a few
 * round ticks between (0, 5, 10, 15 rather than 0, 4.33, 8.67, 13).
 *
 * @param top the value at the top of the axis, at least 1
 * @param ticks the values to mark, from 0 to {@code top}
 */
record CountAxis(double top, List<Double> ticks) {

	/** An axis for counts up to {@code max}, with about {@code tickCount} intervals. */
	static CountAxis upTo(double max, int tickCount) {
		if (!(max >= 1)) {
			// nothing or only zeros: still an axis, with the zero line at the bottom
			return new CountAxis(1, List.of(0.0, 1.0));
		}
		double step = roundStep(max / tickCount);
		double top = Math.ceil(max / step) * step;
		List<Double> ticks = new ArrayList<>();
		for (int i = 0; i * step <= top * (1 + 1e-9); i++) {
			ticks.add(i * step);
		}
		return new CountAxis(top, List.copyOf(ticks));
	}

	/** 1, 2 or 5 times a power of ten, at least 1: counts have no fractions. */
	private static double roundStep(double rough) {
		if (rough <= 1) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
		double fraction = rough / magnitude;
		double round = (fraction <= 1) ? 1 : (fraction <= 2) ? 2 : (fraction <= 5) ? 5 : 10;
		return round * magnitude;
	}

}
