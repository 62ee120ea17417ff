package io.paperboy.community;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a comment's Markdown (CommonMark) into HTML that is safe to put in a page, in two steps
 * that each would be enough on their own against the usual payloads:
 * <ol>
 * <li>CommonMark renders with raw HTML escaped (it shows as the text it is) and link destinations
 * sanitised; images become links to the image, since a page must not fetch what a commenter
 * chose; headings become bold paragraphs, so a comment cannot break the page's outline.</li>
 * <li>The result goes through an allow-list (OWASP java-html-sanitizer): only the elements this
 * renderer makes, links only to {@code http}, {@code https} and {@code mailto} (or relative), and
 * every link marked {@code rel="nofollow noopener ugc"}.</li>
 * </ol>
 * Stateless and thread-safe.
 */
final class CommentMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		// CommonMark's default list also lets data: through
		.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
		.softbreak("\n")
		.nodeRendererFactory(ImageAsLink::new)
		.nodeRendererFactory(HeadingAsStrongParagraph::new)
		.build();

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "a")
		.allowUrlProtocols("http", "https", "mailto")
		// a link whose address the first step emptied (a refused scheme) is left as its text
		.allowAttributes("href")
		.matching((element, attribute, value) -> value.isBlank() ? null : value)
		.onElements("a")
		.requireRelsOnLinks("nofollow", "ugc", "noopener")
		.allowAttributes("start")
		.matching(Pattern.compile("\\d{1,9}"))
		.onElements("ol")
		.allowAttributes("class")
		.matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}"))
		.onElements("code")
		.toFactory();

	private CommentMarkdown() {
	}

	/** The HTML of a comment's Markdown: safe to embed unescaped. */
	static String html(String markdown) {
		return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
	}

	/** {@code ![alt](src)} as a link {@code <a href="src">alt</a>}: the image is never loaded. */
	private static final class ImageAsLink implements NodeRenderer {

		private final HtmlNodeRendererContext context;

		ImageAsLink(HtmlNodeRendererContext context) {
			this.context = context;
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(Image.class);
		}

		@Override
		public void render(Node node) {
			Image image = (Image) node;
			String destination = image.getDestination();
			if (this.context.shouldSanitizeUrls()) {
				destination = this.context.urlSanitizer().sanitizeLinkUrl(destination);
			}
			HtmlWriter html = this.context.getWriter();
			html.tag("a", this.context.extendAttributes(node, "a", Map.of("href", this.context.encodeUrl(destination))));
			if (image.getFirstChild() == null) {
				html.text("image");
			}
			renderChildren(this.context, node);
			html.tag("/a");
		}

	}

	/** A heading as {@code <p><strong>…</strong></p>}. */
	private static final class HeadingAsStrongParagraph implements NodeRenderer {

		private final HtmlNodeRendererContext context;

		HeadingAsStrongParagraph(HtmlNodeRendererContext context) {
			this.context = context;
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(Heading.class);
		}

		@Override
		public void render(Node node) {
			HtmlWriter html = this.context.getWriter();
			html.line();
			html.tag("p");
			html.tag("strong");
			renderChildren(this.context, node);
			html.tag("/strong");
			html.tag("/p");
			html.line();
		}

	}

	private static void renderChildren(HtmlNodeRendererContext context, Node parent) {
		Node child = parent.getFirstChild();
		while (child != null) {
			Node next = child.getNext();
			context.render(child);
			child = next;
		}
	}

}
