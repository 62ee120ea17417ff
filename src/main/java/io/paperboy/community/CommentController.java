package io.paperboy.community;


import io.paperboy.account.Member;
import io.paperboy.account.Viewer;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The comment forms of paper pages, which work without JavaScript: each posts here and is answered
 * with 303 back to the comment on its paper's page; a text that cannot be posted comes back in a
 * form (400) with the reason. Also the curators' list of reported comments. Only signed-in members
 * reach these addresses (see {@code web.SecurityConfiguration}); a refusal is answered by
 * {@code web.ErrorHandling}.
 */
@Controller
class CommentController {

	private static final int REPORTS_SHOWN = 200;

	private final Comments comments;

	private final Catalog catalog;

	CommentController(Comments comments, Catalog catalog) {
		this.comments = comments;
		this.catalog = catalog;
	}

	@PostMapping("/comments")
	ModelAndView post(@RequestParam String paper, @RequestParam(required = false) Long replyTo,
			@RequestParam(defaultValue = "") String text, Member member) {
		Paper commented = paper(paper);
		if (member.needsProfile()) {
			// comments show their author's name: there must be one; the text waits in the form
			return form(new CommentForm(commented.id(), commented.displayTitle(), replyTo, null, text,
					"Choose your username and display name at /welcome before commenting; your text is kept below.",
					Viewer.current(), Comments.MAX_LENGTH));
		}
		try {
			return backTo(this.comments.post(commented.id(), replyTo, member, text));
		}
		catch (InvalidCommentException ex) {
			return form(new CommentForm(commented.id(), commented.displayTitle(), replyTo, null, text, ex.getMessage(),
					Viewer.current(), Comments.MAX_LENGTH));
		}
	}

	@GetMapping("/comments/{id}/edit")
	ModelAndView editForm(@PathVariable long id, Member member) {
		Comment comment = this.comments.editable(id, member);
		ModelAndView view = new ModelAndView("community/compose");
		view.addObject("page", new CommentForm(comment.paperId(), paper(comment.paperId()).displayTitle(), null,
				comment.id(), comment.markdown(), null, Viewer.current(), Comments.MAX_LENGTH));
		return view;
	}

	@PostMapping("/comments/{id}/edit")
	ModelAndView edit(@PathVariable long id, @RequestParam(defaultValue = "") String text,
			Member member) {
		Comment comment = comment(id);
		try {
			return backTo(this.comments.edit(id, member, text));
		}
		catch (InvalidCommentException ex) {
			return form(new CommentForm(comment.paperId(), paper(comment.paperId()).displayTitle(), null, id, text,
					ex.getMessage(), Viewer.current(), Comments.MAX_LENGTH));
		}
	}

	@PostMapping("/comments/{id}/delete")
	ModelAndView delete(@PathVariable long id, Member member) {
		Comment deleted = this.comments.delete(id, member);
		return redirect("/papers/" + deleted.paperId() + "#" + (deleted.isReply() ? "comment-" + deleted.parentId() : "comments"));
	}

	@PostMapping("/comments/{id}/hide")
	ModelAndView hide(@PathVariable long id, Member member) {
		return backTo(this.comments.hide(id, member));
	}

	@PostMapping("/comments/{id}/unhide")
	ModelAndView unhide(@PathVariable long id, Member member) {
		return backTo(this.comments.unhide(id, member));
	}

	@PostMapping("/comments/{id}/report")
	ModelAndView report(@PathVariable long id, @RequestParam(required = false) String reason,
			Member member) {
		Comment comment = comment(id);
		this.comments.report(id, member, reason);
		return backTo(comment);
	}

	/** Reported comments, for curators; to anyone else this page does not exist (a rule of the filter chain). */
	@GetMapping("/moderation/reports")
	ModelAndView reports() {
		ModelAndView view = new ModelAndView("community/reports");
		view.addObject("reports", this.comments.reported(REPORTS_SHOWN));
		view.addObject("viewer", Viewer.current());
		return view;
	}

	private Paper paper(String id) {
		return this.catalog.findPaper(id).orElseThrow(() -> new PaperNotFoundException(id));
	}

	private Comment comment(long id) {
		return this.comments.find(id).orElseThrow(() -> new CommentNotFoundException(id));
	}

	private static ModelAndView form(CommentForm form) {
		ModelAndView view = new ModelAndView("community/compose", HttpStatus.BAD_REQUEST);
		view.addObject("page", form);
		return view;
	}

	/** To the comment on its paper's page. */
	private static ModelAndView backTo(Comment comment) {
		return redirect("/papers/" + comment.paperId() + "#comment-" + comment.id());
	}

	private static ModelAndView redirect(String url) {
		RedirectView view = new RedirectView(url);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

}
