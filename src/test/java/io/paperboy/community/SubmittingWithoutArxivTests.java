package io.paperboy.community;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.HtmlText;
import io.paperboy.support.TestHttpServers;
import io.paperboy.support.TestMembers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.paperboy.support.TestMembers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Submitting while arXiv refuses connections: the shared arXiv of the tests turns every connection
 * away ({@link io.paperboy.support.ScriptedHttpServer#refuseConnections()}).
 */
@WebTest
class SubmittingWithoutArxivTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Accounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Test
	void whenArxivRefusesTheConnectionTheMemberIsToldToTryAgainLaterAndNothingIsSaved() throws Exception {
		CatalogTables.empty(this.jdbc, this.events);
		TestHttpServers.arxiv().refuseConnections();
		Member ada = TestMembers.member(this.accounts, "ada", "Ada Lovelace");

		String body = this.mvc.perform(post("/submit").with(signedIn(ada)).with(csrf()).param("paper", "2506.00001"))
			.andExpect(status().isServiceUnavailable())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(body)).contains("arXiv could not be reached just now to look up 2506.00001")
			.contains("Nothing was saved");
		assertThat(CatalogTables.count(this.jdbc, "papers")).isZero();
		assertThat(CatalogTables.count(this.jdbc, "daily_entries")).isZero();
	}

}
