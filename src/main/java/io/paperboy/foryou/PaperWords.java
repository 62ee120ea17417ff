package io.paperboy.foryou;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.paperboy.catalog.Author;

/**
 * A paper's words as the interest model counts them, each term a 64-bit hash rather than a string
 * (ranking thousands of papers per request cannot afford a string per word): the title and abstract
 * with accents stripped and in lower case, cut into words of two or more letters, digits or
 * underscores that start with a letter or an underscore (arxiv-sanity-lite's {@code \b[a-zA-Z_][a-zA-Z0-9_]+\b}),
 * English stop words left out, each word and each pair of neighbouring words counted; and the
 * authors, each by the hash of {@link Author#nameKey(String)}, so that "Zoë Ångström" and "zoe angstrom"
 * are the same author, as for followed authors.
 *
 * @param terms the distinct terms (words and word pairs), hashed
 * @param counts how often each occurs
 * @param authors the authors' hashed keys, in the paper's order (repeats left out)
 * @param authorNames the authors' names, in the same order
 */
record PaperWords(long[] terms, int[] counts, long[] authors, List<String> authorNames) {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Lucene's English stop words (as the baseline uses); the one-letter ones are too short to count anyway. */
	private static final long[] STOP_WORDS = java.util.Arrays.stream(new String[] { "an", "and", "are", "as", "at",
			"be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that",
			"the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with" })
		.mapToLong(PaperWords::hash)
		.sorted()
		.toArray();

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	/** Keeps author keys apart from words: an author called "Graph" is not the word "graph". */
	static final long AUTHOR_SALT = 0x5bd1e9955bd1e995L;

	static PaperWords of(PaperText text) {
		Words words = new Words(text.title().length() + text.summary().length());
		words.read(text.title());
		words.end();
		words.read(text.summary());
		words.end();
		Counts counts = words.counts;
		List<String> names = new ArrayList<>();
		long[] keys = new long[text.authors().size()];
		int authors = 0;
		for (String name : text.authors()) {
			long key = authorKey(name);
			if (key != 0 && !contains(keys, authors, key)) {
				keys[authors++] = key;
				names.add(name.strip());
			}
		}
		return new PaperWords(counts.terms(), counts.counts(), java.util.Arrays.copyOf(keys, authors), List.copyOf(names));
	}

	/**
	 * The hash of an author's {@link Author#nameKey(String) name key}, 0 for an empty one; computed
	 * directly for a plain ASCII name (lower case, the separators {@code / \\ ; %} and runs of white
	 * space as one space, trimmed: what the key amounts to), through the key otherwise.
	 */
	static long authorKey(String name) {
		long hash = FNV_OFFSET;
		boolean empty = true;
		boolean space = false;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c >= 128 || (c < ' ' && !separator(c))) {
				String key = Author.nameKey(name);
				return key.isEmpty() ? 0 : hash(key) ^ AUTHOR_SALT;
			}
			if (separator(c)) {
				space = !empty;
				continue;
			}
			if (space) {
				hash = (hash ^ ' ') * FNV_PRIME;
				space = false;
			}
			hash = (hash ^ lower(c)) * FNV_PRIME;
			empty = false;
		}
		return empty ? 0 : hash ^ AUTHOR_SALT;
	}

	private static boolean separator(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '/' || c == '\\'
				|| c == ';' || c == '%';
	}

	private static boolean contains(long[] keys, int count, long key) {
		for (int i = 0; i < count; i++) {
			if (keys[i] == key) {
				return true;
			}
		}
		return false;
	}

	static long hash(String text) {
		long hash = FNV_OFFSET;
		for (int i = 0; i < text.length(); i++) {
			hash = (hash ^ text.charAt(i)) * FNV_PRIME;
		}
		return hash;
	}

	static long pair(long first, long second) {
		long mixed = first * 0x9e3779b97f4a7c15L + second;
		return mixed ^ (mixed >>> 29);
	}

	private static char lower(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

	private static boolean wordCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
	}

	/** Each character above ASCII as NFKD with its marks removed makes it, filled as met. */
	private static final String[] DECOMPOSED = new String[Character.MAX_VALUE + 1];

	/**
	 * What a character stands for once accents are stripped: {@code é} is {@code e}, {@code ﬁ} is
	 * {@code fi}, a combining mark nothing; the text is decomposed one character at a time (as a whole,
	 * NFKD would give the same letters), so that a plain ASCII text costs nothing.
	 */
	private static String decomposed(char c) {
		String known = DECOMPOSED[c];
		if (known == null) {
			// a benign race: two threads may compute the same immutable string
			known = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD)).replaceAll("");
			DECOMPOSED[c] = known;
		}
		return known;
	}

	/** The tokenizer: words as they come, each word and each pair of neighbouring words counted. */
	private static final class Words {

		final Counts counts;

		private long hash = FNV_OFFSET;

		private int length;

		private char first;

		private long previous;

		private boolean afterWord;

		Words(int characters) {
			this.counts = new Counts(characters);
		}

		void read(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c < 128) {
					next(c);
				}
				else {
					String plain = decomposed(c);
					for (int j = 0; j < plain.length(); j++) {
						next(plain.charAt(j));
					}
				}
			}
		}

		private void next(char raw) {
			char c = lower(raw);
			if (wordCharacter(c)) {
				if (this.length == 0) {
					this.first = c;
				}
				this.hash = (this.hash ^ c) * FNV_PRIME;
				this.length++;
			}
			else {
				end();
			}
		}

		/** Ends the word being read, if any: a word of two or more characters starting with a letter counts. */
		void end() {
			if (this.length >= 2 && ((this.first >= 'a' && this.first <= 'z') || this.first == '_')
					&& java.util.Arrays.binarySearch(STOP_WORDS, this.hash) < 0) {
				this.counts.add(this.hash);
				if (this.afterWord) {
					this.counts.add(pair(this.previous, this.hash));
				}
				this.previous = this.hash;
				this.afterWord = true;
			}
			this.hash = FNV_OFFSET;
			this.length = 0;
		}

	}

	/** Term counts in an open-addressing table (0 marks a free slot), grown when half full: no boxing. */
	private static final class Counts {

		private long[] keys;

		private int[] values;

		private int size;

		Counts(int characters) {
			// about one word in seven characters, each with a pair
			int capacity = Integer.highestOneBit(Math.max(32, characters / 2)) * 2;
			this.keys = new long[capacity];
			this.values = new int[capacity];
		}

		void add(long term) {
			long key = (term == 0) ? 1 : term;
			if (2 * (this.size + 1) > this.keys.length) {
				grow();
			}
			int mask = this.keys.length - 1;
			int slot = slot(key, mask);
			while (this.keys[slot] != 0 && this.keys[slot] != key) {
				slot = (slot + 1) & mask;
			}
			if (this.keys[slot] == 0) {
				this.keys[slot] = key;
				this.size++;
			}
			this.values[slot]++;
		}

		private void grow() {
			long[] oldKeys = this.keys;
			int[] oldValues = this.values;
			this.keys = new long[oldKeys.length * 2];
			this.values = new int[oldKeys.length * 2];
			int mask = this.keys.length - 1;
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldKeys[i] != 0) {
					int slot = slot(oldKeys[i], mask);
					while (this.keys[slot] != 0) {
						slot = (slot + 1) & mask;
					}
					this.keys[slot] = oldKeys[i];
					this.values[slot] = oldValues[i];
				}
			}
		}

		private static int slot(long key, int mask) {
			return (int) ((key * 0x9e3779b97f4a7c15L) >>> 40) & mask;
		}

		long[] terms() {
			long[] terms = new long[this.size];
			int at = 0;
			for (long key : this.keys) {
				if (key != 0) {
					terms[at++] = key;
				}
			}
			return terms;
		}

		int[] counts() {
			int[] counts = new int[this.size];
			int at = 0;
			for (int slot = 0; slot < this.keys.length; slot++) {
				if (this.keys[slot] != 0) {
					counts[at++] = this.values[slot];
				}
			}
			return counts;
		}

	}

}
