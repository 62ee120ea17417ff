package io.paperboy.catalog;

import java.util.stream.Collectors;

/** A paper as Markdown: title, authors, abstract and links, the way Hugging Face serves {@code .md}. */
final class PaperMarkdown {

	private PaperMarkdown() {
	}

	static String render(Paper paper) {
		StringBuilder text = new StringBuilder();
		text.append("# ").append(escape(paper.displayTitle())).append("\n\n");
		if (!paper.authors().isEmpty()) {
			text.append("**Authors:** ")
				.append(paper.authors().stream().map((author) -> escape(author.name())).collect(Collectors.joining(", ")))
				.append("\n\n");
		}
		if (paper.publishedAt() != null) {
			text.append("**Published:** ").append(PaperPage.date(paper.publishedAt())).append("\n\n");
		}
		text.append("## Abstract\n\n").append(escape(paper.displaySummary())).append("\n\n");
		if (paper.aiSummary() != null) {
			text.append("## AI summary\n\n").append(escape(Text.unwrap(paper.aiSummary()))).append("\n\n");
		}
		text.append("## Links\n\n");
		text.append("- arXiv: ").append(paper.arxivUrl()).append('\n');
		text.append("- PDF: ").append(paper.pdfUrl()).append('\n');
		if (paper.githubRepo() != null) {
			text.append("- Code: ").append(paper.githubRepo()).append('\n');
		}
		if (paper.projectPage() != null) {
			text.append("- Project page: ").append(paper.projectPage()).append('\n');
		}
		return text.toString();
	}

	/** Keeps text from turning into Markdown or HTML it never was. */
	private static String escape(String text) {
		return text.replace("\\", "\\\\")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("*", "\\*")
			.replace("_", "\\_")
			.replace("[", "\\[")
			.replace("]", "\\]")
			.replace("`", "\\`");
	}

}
