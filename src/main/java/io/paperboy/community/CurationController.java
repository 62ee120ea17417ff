package io.paperboy.community;

import io.paperboy.account.Member;
import io.paperboy.catalog.ArxivId;
import io.paperboy.web.BadRequestException;
import io.paperboy.web.ErrorPage;
import io.paperboy.web.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The curators' forms on a paper page: feature or hide the paper on its day, or undo either. They
 * live on the paper page, which is made for each visitor, never on the cards of a day page, which
 * is kept and sent to everyone.
 */
@Controller
class CurationController {

	private final Curation curation;

	CurationController(Curation curation) {
		this.curation = curation;
	}

	@PostMapping("/curate")
	String curate(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String paper,
			@RequestParam(defaultValue = "") String action) {
		if (member == null) {
			return "redirect:" + Viewer.current().signInLink();
		}
		ArxivId id = ArxivId.tryParse(paper).orElseThrow(() -> new BadRequestException("Not an arXiv id: " + paper));
		CurationAction chosen = CurationAction.named(action)
			.orElseThrow(() -> new BadRequestException("Not a curation action: " + action));
		this.curation.apply(member, id.id(), chosen);
		return "redirect:/papers/" + id.id();
	}

	@ExceptionHandler(NotCuratorException.class)
	ModelAndView forbidden(NotCuratorException ex) {
		ModelAndView view = new ModelAndView("web/error", HttpStatus.FORBIDDEN);
		view.addObject("page", new ErrorPage(HttpStatus.FORBIDDEN.value(), "Curators only", ex.getMessage()));
		return view;
	}

}
