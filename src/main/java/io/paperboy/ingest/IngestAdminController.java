package io.paperboy.ingest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/ingest}: the state of every source for operators (who may see it is
 * {@code io.paperboy.web.OperatorAccess}'s to decide, as for every page under {@code /admin/}).
 */
@Controller
class IngestAdminController {

	private final IngestStatus status;

	IngestAdminController(IngestStatus status) {
		this.status = status;
	}

	@GetMapping("/admin/ingest")
	String status(Model model) {
		model.addAttribute("sources", this.status.sources());
		return "ingest/status";
	}

}
