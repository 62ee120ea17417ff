package io.paperboy.stats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.paperboy.catalog.PaperListing;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The card partial's optional sparkline, which lists such as trending pass as
 * {@code @template.card(listing = listing, sparkline = ...)}; rendered with the
 * precompiled templates, as the application renders them.
 */
class CardSparklineTests {

	private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

	private final PaperListing listing = new PaperListing(TestPapers.paper("2506.00001").withUpvotes(4).build(),
			TestPapers.entry("2506.00001", LocalDate.of(2025, 6, 2)), null);

	@Test
	void aCardGivenASparklineShowsItAfterTheMetadata() {
		SvgMarkup svg = Sparkline.render(new Caption("Votes per day", "4 votes in the last 3 days."), new long[] { 0, 3, 1 });

		String html = card(Map.of("sparkline", new Chart(svg, "4 votes in the last 3 days.", Chart.DataTable.none())));

		assertThat(html).contains("<p class=\"sparkline\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg sparkline\"")
			.contains("aria-label=\"4 votes in the last 3 days.\"");
		assertThat(html.indexOf("class=\"meta\"")).isLessThan(html.indexOf("class=\"sparkline\""));
	}

	@Test
	void aCardWithoutASparklineIsAsBefore() {
		assertThat(card(Map.of())).doesNotContain("sparkline").doesNotContain("<svg");
	}

	private String card(Map<String, Object> extra) {
		Map<String, Object> parameters = new HashMap<>(extra);
		parameters.put("listing", this.listing);
		StringOutput output = new StringOutput();
		TEMPLATES.render("card.jte", parameters, output);
		return output.toString();
	}

}
