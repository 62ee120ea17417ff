package io.paperboy.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The site's icon is {@code /favicon.svg} (every page links it); browsers, feed readers and link
 * previews that ask for {@code /favicon.ico} without reading the page are sent there for good.
 */
@Controller
class SiteIconController {

	@GetMapping("/favicon.ico")
	ResponseEntity<Void> icon() {
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.header("Location", "/favicon.svg")
			.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
			.build();
	}

}
