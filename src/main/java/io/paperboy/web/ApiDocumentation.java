package io.paperboy.web;

import io.paperboy.account.Member;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static {
		// the signed-in member comes from the session (MemberArguments), never from the request
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Member.class);
	}

	@Bean
	OpenAPI paperboyApi(SiteProperties site) {
		return new OpenAPI()
			.info(new Info().title("Paperboy API")
				.version("1")
				.description("Daily research papers. The read endpoints answer like Hugging Face's Daily Papers API, "
						+ "so its clients work unchanged. Errors are RFC 9457 problem documents.")
				.license(new License().name("Paper metadata: see each source's terms")))
			.addServersItem(new Server().url(site.baseUrl()));
	}

}
