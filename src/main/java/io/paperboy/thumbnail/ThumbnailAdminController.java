package io.paperboy.thumbnail;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/thumbnails}: how many thumbnails are made, to make, and given up, and why. */
@Controller
class ThumbnailAdminController {

	static final int FAILURES_SHOWN = 20;

	private final ThumbnailRepository repository;

	private final ThumbnailMaker maker;

	private final ThumbnailProperties properties;

	private final Clock clock;

	ThumbnailAdminController(ThumbnailRepository repository, ThumbnailMaker maker, ThumbnailProperties properties,
			Clock clock) {
		this.repository = repository;
		this.maker = maker;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/admin/thumbnails")
	String status(Model model) {
		model.addAttribute("counts", this.repository.counts(this.maker.publishedSince(this.clock.instant())));
		model.addAttribute("failures", this.repository.latestFailures(FAILURES_SHOWN));
		model.addAttribute("enabled", this.properties.enabled());
		model.addAttribute("pace", "at most " + this.properties.batchSize() + " per run, one request every "
				+ this.properties.delay().toSeconds() + " s, on " + this.properties.cron() + " (UTC)");
		return "thumbnail/admin";
	}

}
