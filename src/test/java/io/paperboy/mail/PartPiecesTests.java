package io.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parts written from pieces are, byte for byte, what the mailer makes of the whole text and HTML:
 * the same encoding, the same bytes, whichever way the whole would have gone.
 */
class PartPiecesTests {

	private static final String MARKUP = "<!DOCTYPE html>\n<html><head><style>\n  p { color: #333; }\n</style></head>\n<body><p>";

	@Test
	void textOfSharedAndOwnLinesIsEncodedAsTheWholeText() {
		PartPieces pieces = new PartPieces();
		for (String reason : List.of("trending: +57 votes today", "matches: Schrödinger’s cat")) {
			TextPart text = pieces.text()
				.append("Trending papers — Mar 14\n\n1. A title\n")
				.appendShared("   Ada Lovelace, Grace Hopper and others\n")
				.append("   57 upvotes · " + reason + "\n")
				.appendShared("   " + "A long summary that goes on. ".repeat(3) + "\n   https://papers.example.org/papers/1\n")
				.append('\n')
				.append("-- \nUnsubscribe: https://papers.example.org/digest/unsubscribe/1.abc\n");

			assertSameBytes(text.part(), WrittenMessage.Part.text(text.toString()));
			assertThat(text.part().encoding()).isEqualTo("quoted-printable");
		}
	}

	@Test
	void asciiTextStays7bitAndSharedLinesAfterAnUnfinishedLineAreTheMessagesOwn() {
		PartPieces pieces = new PartPieces();
		TextPart text = pieces.text().append("Heading\n").appendShared("shared line\n").append("no line end: ")
			.appendShared("shared again\n").append("=end= \n");

		assertThat(text.toString()).isEqualTo("Heading\nshared line\nno line end: shared again\n=end= \n");
		assertSameBytes(text.part(), WrittenMessage.Part.text(text.toString()));
		assertThat(text.part().encoding()).isEqualTo("7bit");
		assertSameBytes(pieces.text().part(), WrittenMessage.Part.text(""));
	}

	@Test
	void sharedLinesNeedingQuotedPrintableMakeTheWholePartQuotedPrintable() {
		PartPieces pieces = new PartPieces();
		TextPart text = pieces.text().append("ASCII heading\n").appendShared("Müller and others, a line of " + "x".repeat(90) + "\n");

		assertSameBytes(text.part(), WrittenMessage.Part.text(text.toString()));
		assertThat(text.part().encoding()).isEqualTo("quoted-printable");
	}

	@Test
	void htmlOfSharedAndOwnValuesIsEscapedAsJteEscapesAndEncodedAsTheWhole() {
		PartPieces pieces = new PartPieces();
		String title = "Müller’s <b>attention</b> & “friends” \uD83D\uDE00";
		String url = "https://papers.example.org/papers/2506.00001?a=1&b=2";
		pieces.share(title);
		pieces.share(url);
		pieces.share("javascript:alert(1)");
		for (String reason : List.of("trending: +5", "matches: <i>RL</i> — café")) {
			Consumer<HtmlTemplateOutput> template = (out) -> {
				out.writeContent(MARKUP);
				out.setContext("a", "href");
				out.writeUserContent(url);
				out.setContext("a", null);
				out.writeContent("\">");
				out.setContext("a", null);
				out.writeUserContent(title);
				out.writeContent("</a> ▲ ");
				out.writeUserContent(57);
				out.writeContent(" · ");
				out.setContext("p", null);
				out.writeUserContent(reason);
				out.writeContent(" <a href=\"");
				out.setContext("a", "href");
				out.writeUserContent("javascript:alert(1)");
				out.setContext("a", null);
				out.writeContent("\">Code</a></p>\n</body></html>\n");
			};
			HtmlPart html = pieces.html();
			template.accept(html);

			assertThat(html.toString()).isEqualTo(asJteWrites(template));
			assertSameBytes(html.part(), WrittenMessage.Part.html(html.toString()));
			assertThat(html.part().encoding()).isEqualTo("7bit");
		}
	}

	@Test
	void htmlThatCannotGoInAsciiGoesAsTheWholeWouldWhereverThePiecesBreak() {
		PartPieces pieces = new PartPieces();
		List<List<String>> documents = List.of(
				// a character outside ASCII within a style element: quoted-printable
				List.of("<html><head><style>p::before { content: \"▲\"; }</style>", "</head><p>", "é</p>"),
				// a style element opened in one piece and closed in another
				List.of("<style>p { color: red; }", " p::after { content: \"—\" }</style><p>", "x</p>"),
				// a tag name split between pieces
				List.of("<p>é</p><sty", "le>p::after { content: \"—\" }</style>"),
				// a C1 control character, whose reference a browser reads as Windows-1252
				List.of("<p>", "a\u0085b", "</p>"),
				// a surrogate pair split between pieces
				List.of("<p>\uD83D", "\uDE00</p>"),
				// a line longer than 7bit allows, made of pieces shorter than that
				List.of("<p>" + "a".repeat(600), "b".repeat(600) + "</p>\n"),
				// the same in one piece, and a long last line
				List.of("<p>\n" + "c".repeat(1200)),
				// ASCII in pieces that are fine alone
				List.of("<style>p { color: red; }</style>", "\n<p>", "plain ASCII", "</p>\n"));
		for (List<String> document : documents) {
			HtmlPart html = pieces.html();
			document.forEach(html::writeUnsafeContent);
			String whole = String.join("", document);

			assertThat(html.toString()).isEqualTo(whole);
			assertSameBytes(html.part(), WrittenMessage.Part.html(whole));
		}
	}

	@Test
	void markupAndSharedValuesAreKeptOnceForEveryMessage() {
		PartPieces pieces = new PartPieces();
		pieces.share("A shared title");
		HtmlPart first = pieces.html();
		first.writeContent("<p>");
		first.writeUserContent("A shared title");
		first.writeUserContent("own");
		HtmlPart second = pieces.html();
		second.writeContent("<p>");
		second.writeUserContent("A shared title");
		second.writeUserContent("own");

		assertThat(pieces.keptMarkup("<p>")).isSameAs(pieces.keptMarkup("<p>"));
		assertThat(second.toString()).isEqualTo(first.toString()).isEqualTo("<p>A shared titleown");
		assertThat(pieces.isShared("own")).isFalse();
		assertThat(pieces.keptText("lines\n").quoted()).isSameAs(pieces.keptText("lines\n").quoted());
	}

	private static String asJteWrites(Consumer<HtmlTemplateOutput> template) {
		StringOutput output = new StringOutput();
		template.accept(new OwaspHtmlTemplateOutput(output));
		return output.toString();
	}

	private static void assertSameBytes(WrittenMessage.Part actual, WrittenMessage.Part expected) {
		assertThat(actual.subtype()).isEqualTo(expected.subtype());
		assertThat(actual.encoding()).isEqualTo(expected.encoding());
		assertThat(new String(actual.bytes(), StandardCharsets.ISO_8859_1))
			.isEqualTo(new String(expected.bytes(), StandardCharsets.ISO_8859_1));
	}

}
