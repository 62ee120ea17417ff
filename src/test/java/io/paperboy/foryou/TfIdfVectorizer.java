package io.paperboy.foryou;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * arxiv-sanity-lite's text features, rebuilt after its {@code compute.py} (scikit-learn's
 * {@code TfidfVectorizer}): accents stripped, lower case, words of two or more characters starting with
 * a letter ({@code \b[a-zA-Z_][a-zA-Z0-9_]+\b}), English stop words removed, unigrams and bigrams,
 * terms in at least {@code minDocuments} documents and at most {@code maxShare} of them, the
 * {@code maxFeatures} most frequent kept, sublinear term frequency (1 + ln tf), smoothed idf
 * (ln((1 + n) / (1 + df)) + 1), each vector scaled to unit length.
 * <p>
 * One difference: scikit-learn's stop list has 318 words, Lucene's English list (used here) 33; the
 * {@code maxShare} cut (arxiv-sanity-lite: 10% of the documents) removes the other frequent ones anyway.
 */
final class TfIdfVectorizer {

	private static final Pattern TOKEN = Pattern.compile("\\b[a-zA-Z_][a-zA-Z0-9_]+\\b");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private final Map<String, Integer> vocabulary;

	private final double[] idf;

	private TfIdfVectorizer(Map<String, Integer> vocabulary, double[] idf) {
		this.vocabulary = vocabulary;
		this.idf = idf;
	}

	/** arxiv-sanity-lite's defaults: at least 5 documents, at most 10%, 20,000 terms. */
	static TfIdfVectorizer fit(List<String> documents) {
		return fit(documents, 5, 0.1, 20_000);
	}

	static TfIdfVectorizer fit(List<String> documents, int minDocuments, double maxShare, int maxFeatures) {
		Map<String, int[]> counts = new HashMap<>();
		for (String document : documents) {
			Map<String, Integer> terms = termCounts(document);
			terms.forEach((term, count) -> {
				int[] seen = counts.computeIfAbsent(term, (key) -> new int[2]);
				seen[0]++;
				seen[1] += count;
			});
		}
		double maxDocuments = maxShare * documents.size();
		List<Map.Entry<String, int[]>> kept = new ArrayList<>(counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue()[0] >= minDocuments && entry.getValue()[0] <= maxDocuments)
			.toList());
		// the most frequent over the corpus; ties by term so the vocabulary never depends on hash order
		kept.sort(Comparator.comparingInt((Map.Entry<String, int[]> entry) -> -entry.getValue()[1])
			.thenComparing(Map.Entry::getKey));
		kept = kept.subList(0, Math.min(maxFeatures, kept.size()));
		kept.sort(Map.Entry.comparingByKey());
		Map<String, Integer> vocabulary = new HashMap<>();
		double[] idf = new double[kept.size()];
		for (int i = 0; i < kept.size(); i++) {
			vocabulary.put(kept.get(i).getKey(), i);
			idf[i] = Math.log((1.0 + documents.size()) / (1.0 + kept.get(i).getValue()[0])) + 1;
		}
		return new TfIdfVectorizer(vocabulary, idf);
	}

	int features() {
		return this.idf.length;
	}

	SparseVector transform(String document) {
		TreeMap<Integer, Double> weights = new TreeMap<>();
		termCounts(document).forEach((term, count) -> {
			Integer index = this.vocabulary.get(term);
			if (index != null) {
				weights.put(index, (1 + Math.log(count)) * this.idf[index]);
			}
		});
		double norm = Math.sqrt(weights.values().stream().mapToDouble((weight) -> weight * weight).sum());
		int[] indices = new int[weights.size()];
		float[] values = new float[weights.size()];
		int i = 0;
		for (Map.Entry<Integer, Double> entry : weights.entrySet()) {
			indices[i] = entry.getKey();
			values[i++] = (float) (entry.getValue() / norm);
		}
		return new SparseVector(indices, values);
	}

	/** The unigrams and bigrams of a document with their counts. */
	static Map<String, Integer> termCounts(String document) {
		String plain = MARKS.matcher(Normalizer.normalize(document, Normalizer.Form.NFKD)).replaceAll("")
			.toLowerCase(java.util.Locale.ROOT);
		Set<?> stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
		List<String> words = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(plain);
		while (matcher.find()) {
			String word = matcher.group();
			if (!stop.contains(word)) {
				words.add(word);
			}
		}
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < words.size(); i++) {
			counts.merge(words.get(i), 1, Integer::sum);
			if (i + 1 < words.size()) {
				counts.merge(words.get(i) + " " + words.get(i + 1), 1, Integer::sum);
			}
		}
		return counts;
	}

}
