package io.paperboy.search;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paperboy.HeapShare;
import io.paperboy.catalog.PaperListing;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * The items of {@code GET /api/papers/search}, written as {@link ApiSearchItem} would be, without
 * building them again for each search. An item is about 6 kB of JSON, most of it the paper (its
 * authors, its abstract twice), which does not depend on the query: that part is encoded once, to
 * UTF-8, and remembered with the listing it was made from; only the marked title and abstract are
 * written for each search. A remembered part is used only while the paper, its daily entry and its
 * submitter are equal to those it was made from, so a changed paper is written anew, never stale.
 * <p>
 * The layout (which fields, in which order, how a piece of highlighted text is written) is the
 * mapper's: it is read once from the mapper's own output, so the bytes are those the mapper writes.
 * The pieces' texts are escaped as a mapper escapes by default (quotes, backslashes and control
 * characters; other characters as they are), and the answer is written without indentation.
 */
final class ApiSearchItems {

	/**
	 * Bytes of encoded papers remembered on a heap of 1 GB or more, kept as UTF-8 only: the
	 * {@link RecentListings#KEPT_PAPERS} at about 4.5 kB each with room to spare, 72 MB at most.
	 */
	static final long REMEMBERED_BYTES = RecentListings.KEPT_PAPERS * 6_000;

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	/** Stands for a piece's text while the layout is read; escaped by any JSON writer. */
	private static final String MARK = "\u0001";

	private final JsonMapper json;

	private final String baseUrl;

	private final Cache<String, Encoded> encoded;

	/** The pieces around a piece's text, for pieces of type text and highlight. */
	private final Piece text;

	private final Piece highlight;

	/** Whether the item's highlighted title comes before its highlighted abstract. */
	private final boolean titleFirst;

	ApiSearchItems(JsonMapper json, String baseUrl) {
		this(json, baseUrl, HeapShare.of(REMEMBERED_BYTES));
	}

	ApiSearchItems(JsonMapper json, String baseUrl, long rememberedBytes) {
		this.json = json;
		this.baseUrl = baseUrl;
		this.encoded = Caffeine.newBuilder()
			.maximumWeight(rememberedBytes)
			.<String, Encoded>weigher((id, item) -> item.length())
			.executor(Runnable::run)
			.build();
		this.text = Piece.of(json, "text");
		this.highlight = Piece.of(json, "highlight");
		String sample = json.writeValueAsString(
				new ApiSearchItem(null, null, null, null, null, 0, null, null, null, null, List.of(), List.of()));
		this.titleFirst = sample.indexOf("\"highlightedTitle\"") < sample.indexOf("\"highlightedSummary\"");
	}

	/** The items for these hits, in order, each writing itself as {@link ApiSearchItem} would. */
	List<Item> of(List<SearchHit> hits) {
		return hits.stream().map((hit) -> new Item(encoded(hit.listing()), hit.title(), hit.summary())).toList();
	}

	private Encoded encoded(PaperListing listing) {
		String id = listing.paper().id();
		Encoded remembered = this.encoded.getIfPresent(id);
		if (remembered != null && remembered.listing() == listing) {
			return remembered;
		}
		if (remembered != null && remembered.listing().equals(listing)) {
			// the paper read again, unchanged: kept with this reading, so that the searches that show it
			// next compare it by identity, not field by field down to each author
			Encoded same = remembered.readAs(listing);
			this.encoded.put(id, same);
			return same;
		}
		Encoded made = encode(listing);
		this.encoded.put(id, made);
		return made;
	}

	/**
	 * The item's JSON with the highlighted title and abstract left out: the mapper's output for the item
	 * with one marker piece in each, cut at the markers.
	 */
	private Encoded encode(PaperListing listing) {
		List<HighlightSegment> titleMark = List.of(HighlightSegment.text(MARK + "t"));
		List<HighlightSegment> summaryMark = List.of(HighlightSegment.text(MARK + "s"));
		String item = this.json.writeValueAsString(ApiSearchItem.of(listing, organization(listing), this.baseUrl,
				titleMark, summaryMark));
		String first = this.json.writeValueAsString(this.titleFirst ? titleMark : summaryMark);
		String second = this.json.writeValueAsString(this.titleFirst ? summaryMark : titleMark);
		int firstAt = item.indexOf(first);
		int secondAt = item.indexOf(second, firstAt + first.length());
		if (firstAt < 0 || secondAt < 0) {
			throw new IllegalStateException("The search item's highlighted title and abstract were not found in " + item);
		}
		Utf8 before = Utf8.of(item.substring(0, firstAt));
		Utf8 between = Utf8.of(item.substring(firstAt + first.length(), secondAt));
		Utf8 after = Utf8.of(item.substring(secondAt + second.length()));
		return new Encoded(listing, before, between, after,
				before.bytes().length + between.bytes().length + after.bytes().length);
	}

	private Map<String, Object> organization(PaperListing listing) {
		String stored = (listing.entry() != null) ? listing.entry().organization() : null;
		return (stored != null) ? this.json.readValue(stored, OBJECT) : null;
	}

	/**
	 * A paper's part of an item, encoded to UTF-8 (only: a {@link SerializedString} would keep its text
	 * besides, twice the memory): before, between and after the highlighted title and abstract.
	 */
	private record Encoded(PaperListing listing, Utf8 before, Utf8 between, Utf8 after, int length) {

		/** The same encoding, for an equal listing read anew. */
		Encoded readAs(PaperListing equal) {
			return new Encoded(equal, this.before, this.between, this.after, this.length);
		}

	}

	/** How a piece of highlighted text of one type is written: what comes before and after its text. */
	private record Piece(String before, String after) {

		static Piece of(JsonMapper json, String type) {
			String written = json.writeValueAsString(new HighlightSegment(type, MARK));
			String escapedMark = new String(JsonStringEncoder.getInstance().quoteAsCharArray(MARK));
			int at = written.indexOf(escapedMark);
			return new Piece(written.substring(0, at), written.substring(at + escapedMark.length()));
		}

	}

	/**
	 * Text already encoded to UTF-8, for a generator that writes bytes to copy as they are; a generator
	 * that writes characters decodes them. Only what {@link JsonGenerator#writeRaw(SerializableString)}
	 * asks of it is cheap; the rest works from the decoded text.
	 */
	private record Utf8(byte[] bytes) implements SerializableString {

		static Utf8 of(String text) {
			return new Utf8(text.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String getValue() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		@Override
		public int charLength() {
			return getValue().length();
		}

		@Override
		public char[] asQuotedChars() {
			return new SerializedString(getValue()).asQuotedChars();
		}

		@Override
		public byte[] asUnquotedUTF8() {
			return this.bytes;
		}

		@Override
		public byte[] asQuotedUTF8() {
			return new SerializedString(getValue()).asQuotedUTF8();
		}

		@Override
		public int appendQuotedUTF8(byte[] buffer, int offset) {
			return new SerializedString(getValue()).appendQuotedUTF8(buffer, offset);
		}

		@Override
		public int appendQuoted(char[] buffer, int offset) {
			return new SerializedString(getValue()).appendQuoted(buffer, offset);
		}

		@Override
		public int appendUnquotedUTF8(byte[] buffer, int offset) {
			if (offset + this.bytes.length > buffer.length) {
				return -1;
			}
			System.arraycopy(this.bytes, 0, buffer, offset, this.bytes.length);
			return this.bytes.length;
		}

		@Override
		public int appendUnquoted(char[] buffer, int offset) {
			return new SerializedString(getValue()).appendUnquoted(buffer, offset);
		}

		@Override
		public int writeQuotedUTF8(OutputStream out) throws IOException {
			return new SerializedString(getValue()).writeQuotedUTF8(out);
		}

		@Override
		public int writeUnquotedUTF8(OutputStream out) throws IOException {
			out.write(this.bytes);
			return this.bytes.length;
		}

		@Override
		public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
			return new SerializedString(getValue()).putQuotedUTF8(buffer);
		}

		@Override
		public int putUnquotedUTF8(ByteBuffer buffer) throws IOException {
			if (this.bytes.length > buffer.remaining()) {
				return -1;
			}
			buffer.put(this.bytes);
			return this.bytes.length;
		}

	}

	/** One item of the answer; Jackson writes it through {@link #serialize}. */
	final class Item extends JacksonSerializable.Base {

		private final Encoded paper;

		private final List<HighlightSegment> title;

		private final List<HighlightSegment> summary;

		private Item(Encoded paper, List<HighlightSegment> title, List<HighlightSegment> summary) {
			this.paper = paper;
			this.title = title;
			this.summary = summary;
		}

		@Override
		public void serialize(JsonGenerator generator, SerializationContext context) {
			generator.writeRawValue(this.paper.before());
			pieces(generator, ApiSearchItems.this.titleFirst ? this.title : this.summary);
			generator.writeRaw(this.paper.between());
			pieces(generator, ApiSearchItems.this.titleFirst ? this.summary : this.title);
			generator.writeRaw(this.paper.after());
		}

		@Override
		public void serializeWithType(JsonGenerator generator, SerializationContext context,
				TypeSerializer typeSerializer) {
			serialize(generator, context);
		}

		/**
		 * The pieces, escaped, then encoded to UTF-8 at once: the generator's own encoding of a raw
		 * string goes character by character, and the marked abstracts are about a quarter of an answer.
		 */
		private void pieces(JsonGenerator generator, List<HighlightSegment> pieces) {
			StringBuilder out = new StringBuilder(64);
			out.append('[');
			for (int i = 0; i < pieces.size(); i++) {
				HighlightSegment piece = pieces.get(i);
				Piece layout = piece.isHighlight() ? ApiSearchItems.this.highlight : ApiSearchItems.this.text;
				if (i > 0) {
					out.append(',');
				}
				out.append(layout.before());
				quote(piece.text(), out);
				out.append(layout.after());
			}
			out.append(']');
			generator.writeRaw(Utf8.of(out.toString()));
		}

		/**
		 * The text escaped as a JSON string's content, as the mapper escapes it: runs of characters that
		 * need no escaping copied at once, a quote or a backslash after a backslash, a control character by
		 * Jackson's encoder (which went through every character one by one, a tenth of an answer's time).
		 */
		private static void quote(String text, StringBuilder out) {
			int plain = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c >= 0x20 && c != '"' && c != '\\') {
					continue;
				}
				out.append(text, plain, i);
				if (c < 0x20) {
					JsonStringEncoder.getInstance().quoteAsString(text.substring(i, i + 1), out);
				}
				else {
					out.append('\\').append(c);
				}
				plain = i + 1;
			}
			out.append(text, plain, text.length());
		}

	}

}
