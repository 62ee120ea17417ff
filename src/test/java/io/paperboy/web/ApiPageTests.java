package io.paperboy.web;

import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The page that explains the API, which the header's "API" link opens, and the names in the OpenAPI document. */
@WebTest
class ApiPageTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void theApiPageExplainsTheApiWithExamplesOnThisSitesAddress() throws Exception {
		this.mvc.perform(get("/docs/api"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(allOf(containsString("<code>GET /api/daily_papers</code>"),
					containsString("<code>GET /api/papers/search?q=…</code>"),
					containsString("<code>GET /api/papers/{id}/similar</code>"),
					containsString("curl 'https://papers.example.org/api/daily_papers?date=2025-06-02&amp;limit=10'"),
					containsString("<a href=\"/v3/api-docs\">OpenAPI document</a>"),
					containsString("<a href=\"/swagger-ui.html\">Swagger UI</a>"), containsString("X-CSRF-TOKEN"),
					containsString("429"))));
	}

	@Test
	void theHeadersApiLinkOpensThePageNotSwaggerUi() throws Exception {
		this.mvc.perform(get("/docs/api"))
			.andExpect(content().string(containsString("<a href=\"/docs/api\" aria-current=\"page\">API</a>")));
		this.mvc.perform(get("/stats"))
			.andExpect(content().string(allOf(containsString("<a href=\"/docs/api\">API</a>"),
					not(containsString("<a href=\"/swagger-ui.html\">API</a>")))));
	}

	@Test
	void theOpenApiDocumentGroupsEndpointsUnderReadableNames() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tags[*].name").value(hasItems("Daily lists", "Papers", "Search", "Comments", "Votes",
					"Submissions", "Digest subscription")))
			.andExpect(jsonPath("$.paths['/api/daily_papers'].get.tags[0]").value("Daily lists"))
			.andExpect(jsonPath("$.paths['/api/papers/search'].get.tags[0]").value("Search"));
	}

}
