package io.paperboy.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /docs/api}: what the API offers, in words, with examples on this site's own address, and
 * the ways to the OpenAPI description and Swagger UI. The header's "API" link opens it. It lives
 * outside {@code /api/**}, where every answer is JSON.
 */
@Controller
class ApiPageController {

	/** The page's address. */
	static final String PATH = "/docs/api";

	private final SiteProperties site;

	ApiPageController(SiteProperties site) {
		this.site = site;
	}

	@GetMapping(PATH)
	String api(Model model) {
		model.addAttribute("page", new ApiPage((this.site.baseUrl() != null) ? this.site.baseUrl() : ""));
		return "web/api";
	}

}
