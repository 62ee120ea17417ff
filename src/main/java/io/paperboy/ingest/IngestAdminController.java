package io.paperboy.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.paperboy.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/ingest}: the state of every source for operators. Until accounts exist it answers
 * only to {@link AdminAccess allowed} requests; to anyone else it does not exist (404).
 */
@Controller
class IngestAdminController {

	private final IngestStatus status;

	private final AdminAccess access;

	IngestAdminController(IngestStatus status, AdminAccess access) {
		this.status = status;
		this.access = access;
	}

	@GetMapping("/admin/ingest")
	String status(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!this.access.allows(request)) {
			throw new NotFoundException("No such page: " + request.getRequestURI());
		}
		// for operators' eyes only: no shared cache may keep it
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("sources", this.status.sources());
		return "ingest/status";
	}

}
