package io.paperboy.feed;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import io.paperboy.cli.Verb;
import org.springframework.stereotype.Component;

/** {@code trending rebuild}: recomputes every trending score from the votes and imported counts. */
@Component
class TrendingRebuildVerb implements Verb {

	private final TrendingScores scores;

	TrendingRebuildVerb(TrendingScores scores) {
		this.scores = scores;
	}

	@Override
	public List<String> name() {
		return List.of("trending", "rebuild");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		if (!operands.isEmpty()) {
			err.println("Usage: trending rebuild   (takes no operands)");
			return 2;
		}
		TrendingScores.RebuildReport report = this.scores.rebuild();
		out.printf(Locale.ROOT, "Papers scored:          %d%n", report.papers());
		out.printf(Locale.ROOT, "Members' votes counted: %d%n", report.votes());
		out.printf(Locale.ROOT, "Took:                   %.1f s%n", report.took().toMillis() / 1000.0);
		return 0;
	}

}
