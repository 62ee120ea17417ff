package io.paperboy.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin}: the operators' pages, one line each (who may see them: {@link OperatorAccess}). */
@Controller
class AdminHomeController {

	static final List<AdminPage> PAGES = List.of(
			new AdminPage("/admin/ingest", "Ingestion", "every source's runs, errors and next run"),
			new AdminPage("/admin/search", "Search", "how many papers are indexed and embedded"),
			new AdminPage("/admin/thumbnails", "Thumbnails", "first pages made, still to make and given up, and why"),
			new AdminPage("/admin/mail", "Outbox", "mail kept instead of sent while no SMTP server is configured"),
			new AdminPage("/admin/digests", "Digests", "subscribers by status, any subscriber's digest, a test digest to yourself"),
			new AdminPage("/admin/users", "Members and roles", "who curates and who administers; linking imported submitters"));

	@GetMapping("/admin")
	String home(Model model) {
		model.addAttribute("pages", PAGES);
		return "web/admin";
	}

}
