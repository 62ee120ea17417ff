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
	private static final long AUTHOR_SALT = 0x5bd1e9955bd1e995L;

	static PaperWords of(PaperText text) {
		String plain = text.title() + " " + text.summary();
		if (!ascii(plain)) {
			plain = MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFKD)).replaceAll("");
		}
		Counts counts = new Counts(plain.length());
		long previous = 0;
		boolean afterWord = false;
		int length = plain.length();
		int i = 0;
		while (i < length) {
			char first = lower(plain.charAt(i));
			if (!wordCharacter(first)) {
				i++;
				continue;
			}
			long hash = FNV_OFFSET;
			int start = i;
			while (i < length) {
				char c = lower(plain.charAt(i));
				if (!wordCharacter(c)) {
					break;
				}
				hash = (hash ^ c) * FNV_PRIME;
				i++;
			}
			boolean startsWithLetter = (first >= 'a' && first <= 'z') || first == '_';
			if (!startsWithLetter || i - start < 2 || java.util.Arrays.binarySearch(STOP_WORDS, hash) >= 0) {
				continue;
			}
			counts.add(hash);
			if (afterWord) {
				counts.add(pair(previous, hash));
			}
			previous = hash;
			afterWord = true;
		}
		List<String> names = new ArrayList<>();
		List<Long> keys = new ArrayList<>();
		for (String name : text.authors()) {
			String key = Author.nameKey(name);
			if (!key.isEmpty()) {
				long hash = hash(key) ^ AUTHOR_SALT;
				if (!keys.contains(hash)) {
					keys.add(hash);
					names.add(name.strip());
				}
			}
		}
		return new PaperWords(counts.terms(), counts.counts(), keys.stream().mapToLong(Long::longValue).toArray(),
				List.copyOf(names));
	}

	static long hash(String text) {
		long hash = FNV_OFFSET;
		for (int i = 0; i < text.length(); i++) {
			hash = (hash ^ text.charAt(i)) * FNV_PRIME;
		}
		return hash;
	}

	private static long pair(long first, long second) {
		long mixed = first * 0x9e3779b97f4a7c15L + second;
		return mixed ^ (mixed >>> 29);
	}

	private static boolean ascii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 128) {
				return false;
			}
		}
		return true;
	}

	private static char lower(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

	private static boolean wordCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
	}

	/** Term counts in an open-addressing table sized for the text: no boxing, one allocation. */
	private static final class Counts {

		private final long[] keys;

		private final int[] values;

		private final boolean[] used;

		private int size;

		Counts(int characters) {
			// at most one word per three characters, each with a pair: a table at most half full
			int capacity = Integer.highestOneBit(Math.max(16, characters * 2 / 3 + 2) * 2);
			this.keys = new long[capacity];
			this.values = new int[capacity];
			this.used = new boolean[capacity];
		}

		void add(long key) {
			int mask = this.keys.length - 1;
			int slot = (int) (key ^ (key >>> 32)) & mask;
			while (this.used[slot] && this.keys[slot] != key) {
				slot = (slot + 1) & mask;
			}
			if (!this.used[slot]) {
				this.used[slot] = true;
				this.keys[slot] = key;
				this.size++;
			}
			this.values[slot]++;
		}

		long[] terms() {
			long[] terms = new long[this.size];
			int at = 0;
			for (int slot = 0; slot < this.keys.length; slot++) {
				if (this.used[slot]) {
					terms[at++] = this.keys[slot];
				}
			}
			return terms;
		}

		int[] counts() {
			int[] counts = new int[this.size];
			int at = 0;
			for (int slot = 0; slot < this.keys.length; slot++) {
				if (this.used[slot]) {
					counts[at++] = this.values[slot];
				}
			}
			return counts;
		}

	}

}
