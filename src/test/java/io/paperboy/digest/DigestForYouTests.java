package io.paperboy.digest;

import java.time.Duration;
import java.util.List;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.library.Library;
import io.paperboy.search.PaperVectors;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.Operators;
import io.paperboy.support.PapersByMeaning;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A member's digest "For you" over a real index with real embeddings, mailed over real SMTP (the tests'
 * relay, {@link TestSmtp}): the subscriber's topics keep the papers, the member's model orders them and
 * says why, in the HTML and the text part and in the operators' preview. "Now" is Monday, June 2, 2025,
 * 12:00 UTC. (The settings match {@code foryou.ForYouPagesTests}, so the two share one application.)
 */
@WebTest
@TestPropertySource(properties = "paperboy.search.embeddings=true")
class DigestForYouTests {

	// ids of their own, so that no vector another test left for the same ids is taken for one of these
	private static final String SAVED = "2505.10001";

	private static final String NEAR = "2506.10001";

	private static final String IMAGES = "2506.10002";

	private static final String TRANSLATION = "2506.10003";

	private static final String DISMISSED = "2506.10005";

	private static final String ELSEWHERE = "2506.10006";

	private static final List<String> ALL = List.of(SAVED, NEAR, IMAGES, TRANSLATION, DISMISSED, ELSEWHERE);

	private static final String BECAUSE = "Because you saved “Reward Tampering in Reinforcement Learning Agents”";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private DigestRuns runs;

	@Autowired
	private Accounts accounts;

	@Autowired
	private Library library;

	@Autowired
	private PaperVectors vectors;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private ApplicationEventPublisher events;

	private DigestTestData data;

	/**
	 * Whether the papers are in the catalog and embedded as written below: they are stored once, as
	 * papers deleted and stored again under the same ids could be found with their old vectors before
	 * the index caught up.
	 */
	private static boolean seeded;

	@BeforeEach
	void embeddedPapersOfTheDay() {
		this.clock.set(MutableClock.Configuration.START);
		this.data = new DigestTestData(this.jdbc, this.catalog);
		if (seeded && this.catalog.countPapers() == ALL.size() && this.catalog.findPapers(ALL).size() == ALL.size()) {
			for (String table : List.of("digest_sent_papers", "digest_deliveries", "digest_subscriptions")) {
				this.jdbc.sql("delete from " + table).update();
			}
			return;
		}
		this.data.empty(this.events);
		this.data.list(PapersByMeaning.rewardTampering(SAVED)
			.withCategories("cs.LG"), "2025-05-01T09:00:00Z");
		this.data.list(PapersByMeaning.agentsHackingTheirReward(NEAR)
			.withCategories("cs.LG")
			.withUpvotes(3), "2025-06-02T09:00:00Z");
		this.data.list(PapersByMeaning.imageClassification(IMAGES)
			.withCategories("cs.LG")
			.withUpvotes(90), "2025-06-02T09:00:00Z");
		this.data.list(PapersByMeaning.translation(TRANSLATION)
			.withCategories("cs.LG")
			.withUpvotes(50), "2025-06-02T09:00:00Z");
		this.data.list(PapersByMeaning.rewardHacking(DISMISSED)
			.withCategories("cs.LG")
			.withUpvotes(70), "2025-06-02T09:00:00Z");
		this.data.list(PapersByMeaning.robotRewardModels(ELSEWHERE)
			.withCategories("cs.RO")
			.withUpvotes(40), "2025-06-02T09:00:00Z");
		await("every paper embedded").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.vectors.vectorsOf(ALL).size() == ALL.size());
		seeded = true;
	}

	@Test
	void aMembersDigestForYouIsOrderedByTheirModelWithItsReasonsInBothParts() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), SAVED, true);
		this.library.notInterested(member.id(), DISMISSED, true);
		subscribe(member, "for-you");
		Member other = TestMembers.create(this.accounts);
		subscribe(other, "trending");

		assertThat(this.runs.run(false).sent()).isEqualTo(2);

		MailParts mail = onlyMessageTo(member.email());
		// lines of the text part are wrapped at 76 characters
		String text = mail.text().replaceAll("\\s+", " ");
		assertThat(text).contains("1. Agents That Hack Their Reward Function").contains(BECAUSE)
			.doesNotContain("Reward Hacking by Reinforcement Learning Agents")
			.as("the topics still apply: cs.LG only")
			.doesNotContain("Reward Models for Robot Arms")
			.doesNotContain("learns what you like");
		assertThat(text.indexOf("Image Classification")).isPositive();
		assertThat(decoded(HtmlText.of(mail.html()))).contains("1. Agents That Hack Their Reward Function").contains(BECAUSE);
		assertThat(mail.subject()).isEqualTo("For you — Jun 2: Agents That Hack Their Reward Function");

		// the same papers in trending order for a subscriber who chose it, the dismissed one among them
		MailParts trending = onlyMessageTo(other.email());
		assertThat(trending.text().replaceAll("\\s+", " ")).contains("1. Image Classification with Convolutional Networks")
			.contains("Reward Hacking by Reinforcement Learning Agents")
			.doesNotContain("Because you");
		assertThat(trending.subject()).startsWith("Trending papers — Jun 2: ");
	}

	@Test
	void theOperatorsPreviewShowsTheModelsReasons() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), SAVED, true);
		this.library.notInterested(member.id(), DISMISSED, true);
		subscribe(member, "for-you");

		String page = this.mvc.perform(get("/admin/digests").param("email", member.email()).with(local()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.replaceAll("\\s+", " ")).contains("1. Agents That Hack Their Reward Function").contains(BECAUSE);
		assertThat(TestSmtp.messagesTo(member.email())).isEmpty();
	}

	private void subscribe(Member member, String ordering) throws Exception {
		this.mvc.perform(put("/api/subscription").with(TestMembers.signedIn(member)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"cadence": "daily", "hour": 8, "timeZone": "UTC", "categories": ["cs.LG"], "ordering": "%s"}
					""".formatted(ordering)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ordering").value(ordering));
	}

	/** The HTML part's text with the characters the mail writes as numeric references ({@code &#x201C;}) read back. */
	private static String decoded(String text) {
		return java.util.regex.Pattern.compile("&#x([0-9A-Fa-f]+);")
			.matcher(text)
			.replaceAll((match) -> java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(match.group(1), 16))));
	}

	private static MailParts onlyMessageTo(String address) {
		List<MailParts> messages = TestSmtp.messagesTo(address).stream().map(MailParts::of).toList();
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static RequestPostProcessor local() {
		return (request) -> {
			request.setRemoteAddr("127.0.0.1");
			return Operators.operator().postProcessRequest(request);
		};
	}

}
