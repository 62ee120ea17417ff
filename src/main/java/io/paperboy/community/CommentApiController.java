package io.paperboy.community;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;

import io.paperboy.account.Member;
import io.paperboy.catalog.ArxivId;
import io.paperboy.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments as JSON: {@code GET /api/papers/{id}/comments} for anyone; posting, editing and
 * deleting for signed-in members (session cookie and {@code X-CSRF-TOKEN} header), a rule of
 * {@code web.SecurityConfiguration}. Failures are answered by {@code web.ErrorHandling}.
 */
@RestController
@Tag(name = "Comments", description = "The discussion of a paper; writing needs a signed-in member")
@JsonBody(unreadable = "Send a JSON object such as {\"markdown\": \"Your comment\"}, with \"parentId\" for a reply.")
class CommentApiController {

	private final Comments comments;

	CommentApiController(Comments comments) {
		this.comments = comments;
	}

	@Operation(summary = "The comments on a paper",
			description = "A flat list, threads oldest first, each top-level comment followed by its replies "
					+ "(parentId names the top-level comment). Deleted and hidden comments are left out.")
	@GetMapping("/api/papers/{id}/comments")
	List<ApiComment> comments(@PathVariable String id) {
		return list(ArxivId.parse(id).id());
	}

	@Operation(summary = "The comments on a paper with an old-style arXiv id, such as hep-th/9901001")
	@GetMapping("/api/papers/{archive}/{number:\\d{7}(?:v\\d+)?}/comments")
	List<ApiComment> oldStyleComments(@PathVariable String archive, @PathVariable String number) {
		return list(ArxivId.parse(archive + "/" + number).id());
	}

	@Operation(summary = "Post a comment or a reply (signed-in members)")
	@PostMapping("/api/papers/{id}/comments")
	ResponseEntity<ApiComment> post(@PathVariable String id, @RequestBody ApiComment.Draft draft,
			Member member) {
		Comment comment = this.comments.post(ArxivId.parse(id).id(), draft.parentId(), member,
				draft.markdown());
		return ResponseEntity.created(URI.create("/api/papers/" + comment.paperId() + "/comments/" + comment.id()))
			.body(ApiComment.of(comment));
	}

	@Operation(summary = "Edit your comment (within the edit window)")
	@PatchMapping("/api/papers/{id}/comments/{commentId}")
	ApiComment edit(@PathVariable String id, @PathVariable long commentId, @RequestBody ApiComment.Draft draft,
			Member member) {
		onPaper(ArxivId.parse(id).id(), commentId);
		return ApiComment.of(this.comments.edit(commentId, member, draft.markdown()));
	}

	@Operation(summary = "Delete your comment")
	@DeleteMapping("/api/papers/{id}/comments/{commentId}")
	ResponseEntity<Void> delete(@PathVariable String id, @PathVariable long commentId,
			Member member) {
		onPaper(ArxivId.parse(id).id(), commentId);
		this.comments.delete(commentId, member);
		return ResponseEntity.noContent().build();
	}

	private List<ApiComment> list(String paperId) {
		return this.comments.visibleOn(paperId).stream().map(ApiComment::of).toList();
	}

	private void onPaper(String paperId, long commentId) {
		this.comments.find(commentId)
			.filter((comment) -> comment.paperId().equals(paperId))
			.orElseThrow(() -> new CommentNotFoundException(commentId));
	}

}
