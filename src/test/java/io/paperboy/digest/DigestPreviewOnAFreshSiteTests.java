package io.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.paperboy.support.Operators.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The digest preview of a new subscriber (no previous digest, no topics) on a site whose papers are
 * months older than the clock: it shows what the first digest would hold, in words that fit it.
 */
@WebTest
@ExtendWith(EmptyCatalog.class)
class DigestPreviewOnAFreshSiteTests {

	private static final Instant MARCH_18 = Instant.parse("2026-03-18T09:00:00Z");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private SubscriptionRepository subscriptions;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void oldPapersAndNoSubscribers() {
		this.jdbc.sql("delete from digest_subscriptions").update();
		LocalDate day = LocalDate.of(2025, 6, 4);
		this.catalog.savePaper(TestPapers.paper("2506.00001").withUpvotes(30).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", day));
	}

	@Test
	void aNewSubscribersPreviewSaysNoPaperEnteredTheListsInTheDayItCoversNotSinceAPreviousDigest() throws Exception {
		this.clock.set(MARCH_18);
		subscriber("new@example.org");

		String text = HtmlText.of(preview("new@example.org"));
		String html = this.mvc.perform(get("/admin/digests/preview.html").param("email", "new@example.org").with(operator()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(text).contains("Trending papers — Mar 18: nothing new")
			.contains("No new paper entered the daily lists in the last 24 hours.")
			.doesNotContain("previous digest")
			.doesNotContain("topics");
		assertThat(html).contains("No new paper entered the daily lists in the last 24 hours.")
			.doesNotContain("previous digest");
	}

	@Test
	void aNewSubscribersPreviewWhileThePapersAreFreshShowsThem() throws Exception {
		this.clock.set(Instant.parse("2025-06-04T20:00:00Z"));
		subscriber("new@example.org");

		String text = HtmlText.of(preview("new@example.org"));

		assertThat(text).contains("1. A study of 2506.00001").doesNotContain("No new paper");
	}

	private String preview(String email) throws Exception {
		return this.mvc.perform(get("/admin/digests").param("email", email).with(operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void subscriber(String email) {
		long id = this.subscriptions.insertPending(email, Preferences.defaults(), null, this.clock.instant()).orElseThrow();
		this.subscriptions.confirm(id, this.clock.instant());
	}

}
