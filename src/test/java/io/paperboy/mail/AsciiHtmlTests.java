package io.paperboy.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HTML in ASCII only, with numeric character references a reader sees as the characters. */
class AsciiHtmlTests {

	private static final Pattern REFERENCE = Pattern.compile("&#x([0-9A-Fa-f]+);");

	@Test
	void everyNonAsciiCharacterBecomesAHexadecimalReference() {
		assertThat(AsciiHtml.of("<h1>Trending — Nov 28</h1><p>Müller · “quoted” …</p>"))
			.isEqualTo("<h1>Trending &#x2014; Nov 28</h1><p>M&#xFC;ller &#xB7; &#x201C;quoted&#x201D; &#x2026;</p>");
	}

	@Test
	void aCharacterOutsideTheBasicPlaneIsOneReferenceNotOnePerSurrogate() {
		assertThat(AsciiHtml.of("<p>\uD83D\uDE00 and \uD835\uDC00</p>")).isEqualTo("<p>&#x1F600; and &#x1D400;</p>");
	}

	@Test
	void whatTheTemplatesEscapedStaysAsItIs() {
		String escaped = "<p title=\"a &quot;b&quot;\">Tom &amp; Jerry &lt;3 — &#39;ok&#39;</p>";

		assertThat(AsciiHtml.of(escaped)).isEqualTo("<p title=\"a &quot;b&quot;\">Tom &amp; Jerry &lt;3 &#x2014; &#39;ok&#39;</p>");
	}

	@Test
	void emptyOrAsciiHtmlIsReturnedAsItIs() {
		String ascii = "<p>Seven papers you may like.</p>";

		assertThat(AsciiHtml.of("")).isEmpty();
		assertThat(AsciiHtml.of(ascii)).isSameAs(ascii);
	}

	@Test
	void decodingTheReferencesGivesBackTheOriginalCharacters() {
		String html = "<p style=\"font-family: 'Séance'\">Ω ≈ 3 — naïve café, Zürich, 東京, \uD83D\uDE00\uD83D\uDC4D🏽</p>";

		String ascii = AsciiHtml.of(html);

		assertThat(ascii.chars()).allMatch((c) -> c < 0x80);
		assertThat(decode(ascii)).isEqualTo(html);
	}

	@Test
	void anAsciiStyleOrScriptLeavesTheRestToBeConverted() {
		assertThat(AsciiHtml.of("<style>p::before { content: '\\2014'; }</style><script>let a = '<b>';</script><p>—</p>"))
			.isEqualTo("<style>p::before { content: '\\2014'; }</style><script>let a = '<b>';</script><p>&#x2014;</p>");
	}

	@Test
	void aNonAsciiCharacterInsideStyleOrScriptLeavesTheWholeHtmlAsItIs() {
		String inStyle = "<p>—</p><style>p::before { content: '—'; }</style>";
		String inScript = "<p>—</p><script>let dash = '—';</script><p>after</p>";
		String inUnclosedStyle = "<p>—</p><style>p::before { content: '—'; }";

		assertThat(AsciiHtml.of(inStyle)).isSameAs(inStyle);
		assertThat(AsciiHtml.of(inScript)).isSameAs(inScript);
		assertThat(AsciiHtml.of(inUnclosedStyle)).isSameAs(inUnclosedStyle);
	}

	@Test
	void styleAndScriptAreRecognisedInAnyCaseAndWithAttributes() {
		String upper = "<STYLE>p::before { content: '—'; }</STYLE><p>—</p>";
		String mixed = "<Script type=\"module\">'—'</sCRIPT><p>—</p>";
		String attributes = "<style\nmedia=\"screen\">p::before { content: '—'; }</style>";

		assertThat(AsciiHtml.of(upper)).isSameAs(upper);
		assertThat(AsciiHtml.of(mixed)).isSameAs(mixed);
		assertThat(AsciiHtml.of(attributes)).isSameAs(attributes);
	}

	@Test
	void theRawTextEndsAtItsOwnEndTagOnly() {
		assertThat(AsciiHtml.of("<style>a {}</styles></p></style><p>—</p>"))
			.isEqualTo("<style>a {}</styles></p></style><p>&#x2014;</p>");
		assertThat(AsciiHtml.of("<style>a {}</style ><p>—</p>")).isEqualTo("<style>a {}</style ><p>&#x2014;</p>");
	}

	@Test
	void elementsWhoseNamesOnlyBeginLikeStyleOrScriptAreOrdinary() {
		assertThat(AsciiHtml.of("<styles>—</styles><scripted>—</scripted><p style=\"x\">—</p>"))
			.isEqualTo("<styles>&#x2014;</styles><scripted>&#x2014;</scripted><p style=\"x\">&#x2014;</p>");
	}

	@Test
	void aC1ControlCharacterLeavesTheHtmlAsItIs() {
		// a browser reads &#x80; as the euro sign, not as the control character U+0080
		String html = "<p>— \u0080</p>";

		assertThat(AsciiHtml.of(html)).isSameAs(html);
	}

	/** The numeric references decoded, as a browser does outside raw-text elements. */
	static String decode(String html) {
		return REFERENCE.matcher(html).replaceAll((reference) -> Matcher
			.quoteReplacement(Character.toString(Integer.parseInt(reference.group(1), 16))));
	}

}
