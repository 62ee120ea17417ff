package io.paperboy.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/search}: how far the index and the embedding queue have come, for operators (who may
 * see it is {@code io.paperboy.web.OperatorAccess}'s to decide, as for every page under {@code /admin/}).
 */
@Controller
class SearchAdminController {

	private final IndexSync sync;

	SearchAdminController(IndexSync sync) {
		this.sync = sync;
	}

	@GetMapping("/admin/search")
	String status(Model model) {
		model.addAttribute("status", this.sync.status());
		return "search/admin";
	}

}
