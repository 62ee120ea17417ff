package io.paperboy.web;

import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
class OpenApiTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void theApiDescriptionListsTheDailyPapersAndPaperEndpoints() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/daily_papers'].get").exists())
			.andExpect(jsonPath("$.paths['/api/daily_papers'].get.parameters[*].name")
				.value(hasItem("week")))
			.andExpect(jsonPath("$.paths['/api/papers/{id}'].get").exists());
	}

	@Test
	void theSignedInMemberIsNoParameterOfTheApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.paths['/api/papers/{id}/upvote'].post.parameters[*].name").value(contains("id")))
			.andExpect(jsonPath("$.paths['/api/papers/{id}/comments'].post.parameters[*].name").value(contains("id")))
			.andExpect(jsonPath("$.paths['/api/subscription'].get.parameters").doesNotExist())
			.andExpect(jsonPath("$.paths['/api/papers/for-you'].get.parameters[*].name").value(contains("from", "to", "limit")))
			.andExpect(jsonPath("$.components.schemas.Member").doesNotExist());
	}

	@Test
	void theLibraryCollectionsFollowsAndNotInterestedAreDescribedWithTheirParametersAndRefusals() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.tags[*].name").value(hasItems("Library", "For you", "Account")))
			.andExpect(jsonPath("$.paths['/api/papers/{id}/save'].post.tags").value(contains("Library")))
			.andExpect(jsonPath("$.paths['/api/papers/{id}/save'].post.summary").value("Save a paper to your library"))
			.andExpect(jsonPath("$.paths['/api/papers/{id}/save'].post.parameters[0].description").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/papers/{id}/save'].post.responses['200']").exists())
			.andExpect(jsonPath("$.paths['/api/papers/{id}/save'].post.responses['404']").exists())
			.andExpect(jsonPath("$.paths['/api/papers/{id}/save'].post.responses['429']").exists())
			.andExpect(jsonPath("$.paths['/api/papers/{id}/save'].delete.summary").exists())
			.andExpect(jsonPath("$.paths['/api/papers/{id}/not-interested'].post.summary").exists())
			.andExpect(jsonPath("$.paths['/api/papers/{id}/not-interested'].delete.responses['429']").exists())
			.andExpect(jsonPath("$.paths['/api/authors/{name}/follow'].post.parameters[*].name").value(contains("name")))
			.andExpect(jsonPath("$.paths['/api/authors/{name}/follow'].delete.responses['429']").exists())
			.andExpect(jsonPath("$.paths['/api/library'].get.parameters[*].name").value(contains("page")))
			.andExpect(jsonPath("$.paths['/api/collections'].get.summary").exists())
			.andExpect(jsonPath("$.paths['/api/collections'].post.responses['429']").exists())
			.andExpect(jsonPath("$.paths['/api/collections/{id}'].get.responses['404']").exists())
			.andExpect(jsonPath("$.paths['/api/collections/{id}'].patch.summary").exists())
			.andExpect(jsonPath("$.paths['/api/collections/{id}'].delete.responses['429']").exists())
			.andExpect(jsonPath("$.paths['/api/collections/{id}/papers/{paperId}'].post.parameters[*].name")
				.value(contains("id", "paperId")))
			.andExpect(jsonPath("$.paths['/api/collections/{id}/papers/{paperId}'].delete.summary").exists());
	}

	@Test
	void theForYouFeedAndTheAccountsDeletionAreDescribed() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.paths['/api/papers/for-you'].get.tags").value(contains("For you")))
			.andExpect(jsonPath("$.paths['/api/papers/for-you'].get.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/papers/for-you'].get.parameters[*].description").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/me'].delete.tags").value(contains("Account")))
			.andExpect(jsonPath("$.paths['/api/me'].delete.summary").value("Delete your account"))
			.andExpect(jsonPath("$.paths['/api/me'].delete.parameters[*].name").value(contains("username")))
			.andExpect(jsonPath("$.paths['/api/me'].delete.responses['204']").exists())
			.andExpect(jsonPath("$.paths['/api/me'].delete.responses['400']").exists());
	}

	@Test
	void theApiDescriptionLeavesOutThePages() throws Exception {
		String body = this.mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(body).doesNotContain("\"/papers/{id}\"").doesNotContain("\"/papers/date/{date}\"");
	}

	@Test
	void swaggerUiIsServedAfterFollowingItsRedirect() throws Exception {
		MvcResult result = this.mvc.perform(get("/swagger-ui.html")).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		if (location != null) {
			result = this.mvc.perform(get(location)).andReturn();
		}

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("swagger-ui");
	}

}
