package io.paperboy.community;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommentMarkdownTests {

	@Test
	void ordinaryMarkdownBecomesTheUsualHtml() {
		String html = CommentMarkdown.html("""
				Nice **result**, and *clean* code: `f(x)`.

				- one
				- two

				> quoted

				```python
				print("hi")
				```
				""");

		assertThat(html).contains("<strong>result</strong>")
			.contains("<em>clean</em>")
			.contains("<code>f(x)</code>")
			.contains("<ul>")
			.contains("<li>one</li>")
			.contains("<blockquote>")
			.contains("<pre><code class=\"language-python\">print(&#34;hi&#34;)");
	}

	@Test
	void aScriptTagIsShownAsTextAndNeverRuns() {
		String html = CommentMarkdown.html("<script>alert(1)</script>");

		assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void anAttributeBreakoutWithAnImageHandlerStaysText() {
		String html = CommentMarkdown.html("\"><img src=x onerror=alert(1)>");

		assertThat(html).doesNotContain("<img").contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;");
	}

	@Test
	void rawHtmlBlocksAndInlineTagsAreEscaped() {
		String html = CommentMarkdown.html("<div onclick=\"alert(1)\">block</div>\n\ntext <b onmouseover=alert(1)>bold</b> <iframe src=//evil>");

		assertThat(html).doesNotContain("<div").doesNotContain("<b ").doesNotContain("<iframe")
			.contains("&lt;div onclick&#61;")
			.contains("&lt;iframe");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,<script>alert(1)</script>)",
			"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[x](vbscript:msgbox(1))",
			"[x](&#106;avascript:alert(1))", "[x](&#x6A;avascript&#58;alert(1))", "[x](java%0ascript:alert(1))",
			"[x](  javascript:alert(1) )", "<javascript:alert(1)>", "[x][ref]\n\n[ref]: javascript:alert(1)", "<vbscript:msgbox(1)>", "<data:text/html,x>",
			"![x](javascript:alert(1))" })
	void noLinkLeadsToScriptOrData(String markdown) {
		String html = CommentMarkdown.html(markdown);

		assertThat(html.toLowerCase()).doesNotContainPattern("href=\"[^\"]*(javascript|vbscript|data)")
			.doesNotContain("<script");
		assertThat(html).doesNotContainPattern("href=\"(?!https?:|mailto:|#|/)");
	}

	@Test
	void aLinkKeepsItsAddressAndIsMarkedAsUserContent() {
		String html = CommentMarkdown.html("See [the code](https://github.com/example/repo).");

		assertThat(html).containsPattern("<a href=\"https://github.com/example/repo\" rel=\"[a-z ]+\">the code</a>");
		assertThat(rels(html)).containsExactly("nofollow noopener ugc");
	}

	@Test
	void autolinksAndMailtoLinksWork() {
		String html = CommentMarkdown.html("<https://example.org/paper?id=1&v=2> or <mailto:ada@example.org>");

		assertThat(html).contains("href=\"https://example.org/paper?id&#61;1&amp;v&#61;2\"")
			.contains("href=\"mailto:ada&#64;example.org\"");
		assertThat(rels(html)).containsExactly("nofollow noopener ugc", "nofollow noopener ugc");
	}

	@Test
	void anImageIsALinkToTheImageAndIsNeverLoaded() {
		String html = CommentMarkdown.html("![a figure](https://example.org/figure.png)");

		assertThat(html).doesNotContain("<img")
			.containsPattern("<a href=\"https://example.org/figure.png\" rel=\"[a-z ]+\">a figure</a>");
		assertThat(rels(html)).containsExactly("nofollow noopener ugc");
	}

	@Test
	void headingsBecomeBoldParagraphsSoACommentCannotBreakThePageOutline() {
		String html = CommentMarkdown.html("# Big claim\n\nbody");

		assertThat(html).doesNotContain("<h1").contains("<p><strong>Big claim</strong></p>");
	}

	@Test
	void nestedMarkdownInsideLinksAndQuotesStaysSafe() {
		String html = CommentMarkdown.html("> - [**bold <script>x</script>**](javascript:alert(1)) and [ok](http://a.example/\"onmouseover=\"alert(1))");

		assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("\"onmouseover");
		assertThat(html).contains("<strong>bold &lt;script&gt;x&lt;/script&gt;</strong>");
	}

	@Test
	void anEventHandlerAttributeCannotBeSmuggledThroughALinkTitle() {
		String html = CommentMarkdown.html("[x](https://example.org \"title\\\" onclick=\\\"alert(1)\")");

		assertThat(html).doesNotContain("onclick=").doesNotContain("title=");
	}

	/** Each link's rel tokens, sorted: the sanitizer writes them in no particular order. */
	private static java.util.List<String> rels(String html) {
		return java.util.regex.Pattern.compile("<a [^>]*>")
			.matcher(html)
			.results()
			.map((tag) -> {
				java.util.regex.Matcher rel = java.util.regex.Pattern.compile("rel=\"([^\"]*)\"").matcher(tag.group());
				return rel.find() ? String.join(" ", new java.util.TreeSet<>(java.util.List.of(rel.group(1).split(" ")))) : "";
			})
			.toList();
	}

}
