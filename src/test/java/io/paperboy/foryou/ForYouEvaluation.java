package io.paperboy.foryou;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.paperboy.search.ProductionVectors;

/**
 * The offline evaluation of the "For you" model ({@code bench/foryou.sh}, docs/for-you.md): Hugging
 * Face submitters as simulated members ({@link SimulatedMember}), each method trained on a member's
 * earlier submissions and asked to rank the papers of each later day they submitted on (the member's
 * own earlier submissions left out of the candidates); NDCG@10 and recall@20 averaged over (member, day)
 * and over members, and the same over the member's whole test period at once (all papers listed from
 * its first day to its last test day as candidates, a harder ranking).
 * <p>
 * The baseline is arxiv-sanity-lite's method, rebuilt in the same run on the same split
 * ({@link TfIdfVectorizer}, {@link LinearSvm}): TF-IDF over the whole archive (as its compute.py fits
 * over its whole database), a linear SVM per member with the training submissions as positives and every
 * other paper listed before the test period as negatives, ranking by the margin.
 * <p>
 * Arguments: the folder of Hugging Face's daily lists, a work folder, a cache folder for the vectors.
 * System properties: {@code seed} (20261206), {@code threads} (2), {@code minimum} (8 submissions),
 * {@code share} (0.7), {@code background} (1000 papers), {@code curve} (true: the few-signals table).
 */
public final class ForYouEvaluation {

	/** How one method scores papers for one member. */
	interface Scorer {

		double score(String id);

	}

	/** A method: given a member and the papers listed before their test period (their own left out). */
	interface Method {

		Scorer train(SimulatedMember member, List<String> before);

	}

	private final DailyListings archive;

	private final Map<String, float[]> vectors;

	private final long seed;

	/** Each day's papers, each once, in the list's order. */
	private final TreeMap<LocalDate, List<String>> days = new TreeMap<>();

	/** Each paper's first day on a list. */
	private final Map<String, LocalDate> firstDay = new LinkedHashMap<>();

	private final Map<String, Integer> upvotes = new HashMap<>();

	/** Each paper's title, abstract and authors, as the product hands them to the model. */
	private final Map<String, PaperText> texts = new HashMap<>();

	ForYouEvaluation(DailyListings archive, Map<String, float[]> vectors, long seed) {
		this.archive = archive;
		this.vectors = vectors;
		this.seed = seed;
		for (DailyListings.Listing listing : archive.listings()) {
			List<String> day = this.days.computeIfAbsent(listing.day(), (key) -> new ArrayList<>());
			if (!day.contains(listing.id())) {
				day.add(listing.id());
			}
			this.firstDay.putIfAbsent(listing.id(), listing.day());
			this.upvotes.merge(listing.id(), listing.upvotes(), Math::max);
		}
		archive.papers().forEach((id, paper) -> this.texts.put(id, new PaperText(paper.title(), paper.summary(), paper.authors())));
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args[0]);
		Path work = Path.of(args[1]);
		Path cache = Path.of(args[2]);
		long seed = Long.getLong("seed", 20261206L);
		int threads = Integer.getInteger("threads", 2);
		int minimum = Integer.getInteger("minimum", 8);
		double share = Double.parseDouble(System.getProperty("share", "0.7"));
		int background = Integer.getInteger("background", 1000);
		long start = System.nanoTime();

		DailyListings archive = DailyListings.read(data);
		Map<String, float[]> vectors = ProductionVectors.ofDailyPapers(data, cache, work, threads);
		ForYouEvaluation evaluation = new ForYouEvaluation(archive, vectors, seed);
		List<SimulatedMember> members = SimulatedMember.of(archive.listings(), minimum, share);
		System.out.printf(Locale.ROOT,
				"Archive: %d papers on %d days; %d members with at least %d submissions (%d training, %d test submissions on %d member-days); seed %d%n",
				archive.papers().size(), evaluation.days.size(), members.size(), minimum,
				members.stream().mapToInt((member) -> member.training().size()).sum(),
				members.stream().mapToInt(SimulatedMember::testSubmissions).sum(),
				members.stream().mapToInt((member) -> member.testDays().size()).sum(), seed);

		List<DailyListings.Paper> papers = new ArrayList<>(archive.papers().values());
		Map<String, SparseVector> words = evaluation.tfIdf(papers, DailyListings.Paper::titleAndAbstract);
		Map<String, SparseVector> wordsAndAuthors = evaluation.tfIdf(papers,
				DailyListings.Paper::titleAbstractAndAuthors);

		Map<String, Method> methods = new LinkedHashMap<>();
		methods.put("random order", (member, before) -> (id) -> 0);
		methods.put("popularity (upvotes on the list)", (member, before) -> (id) -> evaluation.upvotes.get(id));
		methods.put("baseline: arxiv-sanity-lite, TF-IDF title+abstract, SVM C=0.01", evaluation.svm(words, 0.01));
		methods.put("baseline variant: TF-IDF title+abstract, SVM C=0.1", evaluation.svm(words, 0.1));
		methods.put("baseline variant: TF-IDF title+abstract+authors, SVM C=0.01", evaluation.svm(wordsAndAuthors, 0.01));
		methods.put("embeddings, linear SVM C=0.01 (the baseline's classifier)", evaluation.svm(evaluation.dense(), 0.01));
		InterestModel.Settings defaults = InterestModel.Settings.DEFAULTS;
		// the embedding rows as they were measured before the word part: vectors only
		InterestModel.Settings vectorsOnly = defaults.withWords(0, defaults.wordPenalty(), defaults.authorShare(), 0);
		for (double temperature : new double[] { 0.02, 0.05, 0.1, 10 }) {
			methods.put(String.format(Locale.ROOT, "embeddings, nearest examples, temperature %.2f", temperature),
					evaluation.model(vectorsOnly.withLinearFrom(Integer.MAX_VALUE).withTemperature(temperature), 0));
		}
		for (double penalty : new double[] { 0.0001, 0.001, 0.01, 0.1 }) {
			methods.put(String.format(Locale.ROOT, "embeddings, logistic regression, penalty %s, %d background", penalty,
					background), evaluation.model(vectorsOnly.withLinearFrom(1).withPenalty(penalty), background));
		}
		methods.put("embeddings, logistic regression, penalty 0.001, all earlier papers as background",
				evaluation.model(vectorsOnly.withLinearFrom(1), Integer.MAX_VALUE));
		for (double blend : new double[] { 0.1, 0.3 }) {
			methods.put(String.format(Locale.ROOT, "embeddings, logistic regression + %.1f × nearest examples", blend),
					evaluation.model(vectorsOnly.withLinearFrom(1).withBlend(blend), background));
		}
		for (double boost : new double[] { 1, 3 }) {
			methods.put(String.format(Locale.ROOT, "embeddings, logistic regression + %.0f × shared authors (outside the model)", boost),
					evaluation.withAuthors(evaluation.model(vectorsOnly, background), boost));
		}
		// the word part's rows, the same trained models weighed differently
		Function<double[], Method> parts = evaluation.parts(defaults, background);
		methods.put(String.format(Locale.ROOT, "word part alone: TF-IDF title+abstract + %.1f × authors, logistic regression penalty %s",
				defaults.authorShare(), defaults.wordPenalty()), parts.apply(new double[] { 0, 1, 0 }));
		double boost = (defaults.authorBoost() > 0) ? defaults.authorBoost() : 1;
		methods.put(String.format(Locale.ROOT, "word part alone + %s × author affinity", boost), parts.apply(new double[] { 0, 1, boost }));
		methods.put(String.format(Locale.ROOT, "embeddings + %s × author affinity (inside the model, no words)", boost),
				parts.apply(new double[] { 1, 0, boost }));
		methods.put("embeddings + 1 × words (no authors)", evaluation.model(defaults.withWords(1, defaults.wordPenalty(), 0, 0), background));
		methods.put(String.format(Locale.ROOT, "embeddings + %s × words (no authors)", defaults.words()),
				evaluation.model(defaults.withWords(defaults.words(), defaults.wordPenalty(), 0, 0), background));
		methods.put(String.format(Locale.ROOT,
				"the product's model (InterestModel.Settings.DEFAULTS: embeddings + %s × words, word penalty %s, authors %s, author boost %s)",
				defaults.words(), defaults.wordPenalty(), defaults.authorShare(), defaults.authorBoost()), evaluation.model(defaults, background));
		for (int iterations : new int[] { 50, 200 }) {
			methods.put(String.format(Locale.ROOT, "the product's model with %d gradient steps instead of %d", iterations,
					defaults.iterations()), evaluation.model(defaults.withIterations(iterations), background));
		}
		String only = System.getProperty("only", "");
		if (!only.isBlank()) {
			methods.keySet().removeIf((name) -> java.util.Arrays.stream(only.split(",")).noneMatch(name::contains));
		}

		if (Boolean.parseBoolean(System.getProperty("tune", "true"))) {
			evaluation.tune(archive, members, share, background, evaluation.svm(wordsAndAuthors, 0.01));
		}

		System.out.println();
		System.out.println(
				"| method | NDCG@10 per day | recall@20 per day | NDCG@10 per member | recall@20 per member | NDCG@10 whole period | recall@20 whole period | ms per member |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		Map<String, Result> results = new LinkedHashMap<>();
		for (Map.Entry<String, Method> method : methods.entrySet()) {
			Result result = evaluation.evaluate(members, method.getValue());
			results.put(method.getKey(), result);
			System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f |%n", method.getKey(),
					result.dayNdcg(), result.dayRecall(), result.memberNdcg(), result.memberRecall(), result.periodNdcg(),
					result.periodRecall(), result.millisPerMember());
		}

		Result reference = results.get("baseline variant: TF-IDF title+abstract+authors, SVM C=0.01");
		results.forEach((name, result) -> {
			if (name.startsWith("the product's model (") && reference != null) {
				System.out.println();
				System.out.println("The product's model against the baseline with authors, paired on the same member-days: "
						+ evaluation.difference(result, reference, members.size()));
			}
		});

		if (Boolean.parseBoolean(System.getProperty("curve", "true"))) {
			System.out.println();
			System.out.println("Few signals: each member keeps only their last k training submissions; NDCG@10 per day");
			int[] counts = { 1, 2, 3, 5, 8, 13, 20 };
			Map<String, Method> few = new LinkedHashMap<>();
			few.put("baseline: TF-IDF + SVM C=0.01", evaluation.svm(words, 0.01));
			few.put("baseline variant: TF-IDF title+abstract+authors, SVM C=0.01", evaluation.svm(wordsAndAuthors, 0.01));
			few.put("embeddings, nearest examples, temperature 0.05", evaluation.model(vectorsOnly.withLinearFrom(Integer.MAX_VALUE), 0));
			few.put("embeddings, logistic regression, penalty 0.001", evaluation.model(vectorsOnly.withLinearFrom(1), background));
			few.put("the product's model (embeddings + words + authors)", evaluation.model(defaults, background));
			StringBuilder header = new StringBuilder("| method |");
			StringBuilder rule = new StringBuilder("|---|");
			for (int count : counts) {
				header.append(" k=").append(count).append(" |");
				rule.append("---|");
			}
			System.out.println(header);
			System.out.println(rule);
			for (Map.Entry<String, Method> method : few.entrySet()) {
				StringBuilder row = new StringBuilder("| " + method.getKey() + " |");
				for (int count : counts) {
					List<SimulatedMember> truncated = members.stream().map((member) -> member.withRecentTraining(count)).toList();
					row.append(String.format(Locale.ROOT, " %.3f |", evaluation.evaluate(truncated, method.getValue()).dayNdcg()));
				}
				System.out.println(row);
			}
		}

		System.out.println();
		evaluation.speed(words, background);
		System.out.printf(Locale.ROOT, "Done in %.0f s%n", (System.nanoTime() - start) / 1e9);
	}

	/** Means over (member, day), over members (each member's days averaged first), and over whole periods. */
	record Result(double dayNdcg, double dayRecall, double memberNdcg, double memberRecall, double periodNdcg,
			double periodRecall, double millisPerMember, List<double[]> days, List<double[]> periods) {
	}

	Result evaluate(List<SimulatedMember> members, Method method) {
		List<double[]> perDay = new ArrayList<>();
		List<double[]> perMember = new ArrayList<>();
		List<double[]> perPeriod = new ArrayList<>();
		long nanos = 0;
		for (SimulatedMember member : members) {
			Set<String> training = new HashSet<>(member.training());
			List<String> before = this.firstDay.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().isBefore(member.cutoff()) && !training.contains(entry.getKey()))
				.map(Map.Entry::getKey)
				.toList();
			long started = System.nanoTime();
			Scorer scorer = method.train(member, before);
			double ndcgSum = 0;
			double recallSum = 0;
			for (Map.Entry<LocalDate, Set<String>> day : member.testDays().entrySet()) {
				List<String> candidates = this.days.get(day.getKey()).stream().filter((id) -> !training.contains(id)).toList();
				List<String> ranking = ranked(candidates, scorer, member.name() + day.getKey());
				double ndcg = RankingMetrics.ndcg(ranking, day.getValue(), 10);
				double recall = RankingMetrics.recall(ranking, day.getValue(), 20);
				perDay.add(new double[] { ndcg, recall, perMember.size() });
				ndcgSum += ndcg;
				recallSum += recall;
			}
			perMember.add(new double[] { ndcgSum / member.testDays().size(), recallSum / member.testDays().size() });
			LocalDate last = ((TreeMap<LocalDate, Set<String>>) member.testDays()).lastKey();
			Set<String> period = new LinkedHashSet<>();
			this.days.subMap(member.cutoff(), true, last, true).values().forEach(period::addAll);
			period.removeAll(training);
			Set<String> relevant = new HashSet<>();
			member.testDays().values().forEach(relevant::addAll);
			List<String> ranking = ranked(new ArrayList<>(period), scorer, member.name());
			perPeriod.add(new double[] { RankingMetrics.ndcg(ranking, relevant, 10), RankingMetrics.recall(ranking, relevant, 20) });
			nanos += System.nanoTime() - started;
		}
		return new Result(mean(perDay, 0), mean(perDay, 1), mean(perMember, 0), mean(perMember, 1), mean(perPeriod, 0),
				mean(perPeriod, 1), nanos / 1e6 / members.size(), perDay, perPeriod);
	}

	/** The candidates by score, highest first; ties in an order drawn from the seed and the key (repeatable). */
	private List<String> ranked(List<String> candidates, Scorer scorer, String key) {
		List<String> shuffled = new ArrayList<>(candidates);
		Collections.shuffle(shuffled, new Random(this.seed ^ key.hashCode()));
		Map<String, Double> scores = new HashMap<>();
		for (String id : shuffled) {
			scores.put(id, scorer.score(id));
		}
		shuffled.sort(Comparator.comparingDouble((String id) -> scores.get(id)).reversed());
		return shuffled;
	}

	private static double mean(List<double[]> values, int index) {
		return values.stream().mapToDouble((value) -> value[index]).average().orElse(0);
	}

	/** TF-IDF vectors of every paper, the vectorizer fitted over all of them. */
	Map<String, SparseVector> tfIdf(List<DailyListings.Paper> papers, Function<DailyListings.Paper, String> text) {
		TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(papers.stream().map(text).toList());
		Map<String, SparseVector> vectors = new HashMap<>();
		for (DailyListings.Paper paper : papers) {
			vectors.put(paper.id(), vectorizer.transform(text.apply(paper)));
		}
		System.out.printf(Locale.ROOT, "TF-IDF: %d terms%n", vectorizer.features());
		return vectors;
	}

	/** The embeddings as sparse vectors with every entry, for the SVM over embeddings. */
	Map<String, SparseVector> dense() {
		Map<String, SparseVector> dense = new HashMap<>();
		int dimensions = this.vectors.values().iterator().next().length;
		int[] indices = new int[dimensions];
		for (int i = 0; i < dimensions; i++) {
			indices[i] = i;
		}
		this.vectors.forEach((id, vector) -> dense.put(id, new SparseVector(indices, vector)));
		return dense;
	}

	/**
	 * arxiv-sanity-lite's ranking: a linear SVM per member, positives = the training submissions,
	 * negatives = every other paper listed before the test period.
	 */
	Method svm(Map<String, SparseVector> features, double c) {
		int size = features.values().stream().mapToInt((vector) -> vector.indices().length == 0 ? 0
				: vector.indices()[vector.indices().length - 1] + 1).max().orElse(0);
		return (member, before) -> {
			List<SparseVector> rows = new ArrayList<>();
			boolean[] positive = new boolean[member.training().size() + before.size()];
			int row = 0;
			for (String id : member.training()) {
				rows.add(features.get(id));
				positive[row++] = true;
			}
			for (String id : before) {
				rows.add(features.get(id));
				row++;
			}
			double[] weights = LinearSvm.train(rows, positive, size, c, 1e-3, 1000, this.seed);
			return (id) -> LinearSvm.margin(weights, features.get(id));
		};
	}

	/**
	 * The interest model with these settings, its background a sample of {@code background} earlier
	 * papers; every example and candidate carries its vector and its text, as the product gives them
	 * (with {@code words} and {@code authorBoost} at 0 the model reads the vectors only).
	 */
	Method model(InterestModel.Settings settings, int background) {
		return (member, before) -> {
			InterestModel model = trained(member, before, settings, background);
			return (id) -> model.score(candidate(id));
		};
	}

	private InterestModel trained(SimulatedMember member, List<String> before, InterestModel.Settings settings,
			int background) {
		List<Example> positives = member.training().stream().map(this::example).toList();
		List<Example> sample = sample(before, background, member.name()).stream().map(this::example).toList();
		return InterestModel.train(new InterestModel.Examples(positives, List.of(), sample), settings);
	}

	private Example example(String id) {
		return new Example(id, this.vectors.get(id), 1, this.texts.get(id));
	}

	private Candidate candidate(String id) {
		return new Candidate(id, this.vectors.get(id), this.texts.get(id));
	}

	/**
	 * The parts of the model's score (standardised embedding and word scores, author affinity) for
	 * each member and paper, kept so that many weightings of the same trained models cost only a sum.
	 */
	Function<double[], Method> parts(InterestModel.Settings settings, int background) {
		Map<String, Function<String, InterestModel.Parts>> kept = new HashMap<>();
		return (weights) -> (member, before) -> {
			String key = member.name() + " " + member.cutoff() + " " + member.training().size();
			Function<String, InterestModel.Parts> parts = kept.computeIfAbsent(key, (ignored) -> {
				InterestModel model = trained(member, before, settings, background);
				Map<String, InterestModel.Parts> scored = new HashMap<>();
				return (id) -> scored.computeIfAbsent(id, (paper) -> model.parts(candidate(paper)));
			});
			return (id) -> {
				InterestModel.Parts part = parts.apply(id);
				return weights[0] * part.embeddings() + weights[1] * part.words() + weights[2] * part.authors();
			};
		};
	}

	/**
	 * A method's score plus {@code boost} times the author affinity: for each author of the paper,
	 * ln(1 + the number of the member's training papers they wrote), the "follow author" signal as a
	 * member's own earlier papers imply it.
	 */
	Method withAuthors(Method method, double boost) {
		return (member, before) -> {
			Scorer scorer = method.train(member, before);
			Map<String, Integer> authors = new HashMap<>();
			for (String id : member.training()) {
				this.archive.papers().get(id).authors().forEach((author) -> authors.merge(author, 1, Integer::sum));
			}
			return (id) -> {
				double affinity = 0;
				for (String author : this.archive.papers().get(id).authors()) {
					affinity += Math.log1p(authors.getOrDefault(author, 0));
				}
				return scorer.score(id) + boost * affinity;
			};
		};
	}

	/** {@code count} of the papers drawn without replacement (all of them when there are fewer), repeatably. */
	private List<String> sample(List<String> papers, int count, String key) {
		if (count >= papers.size()) {
			return papers;
		}
		List<String> copy = new ArrayList<>(papers);
		Collections.shuffle(copy, new Random(this.seed ^ key.hashCode()));
		return copy.subList(0, count);
	}

	/**
	 * The difference of two methods measured on the same members, with 95% intervals from a bootstrap
	 * over members (2,000 draws of the 68 members with replacement, seeded; a member's days stay
	 * together, as they are not independent).
	 */
	String difference(Result a, Result b, int memberCount) {
		double[][] dayByMember = new double[memberCount][2];
		for (int i = 0; i < a.days().size(); i++) {
			int member = (int) a.days().get(i)[2];
			dayByMember[member][0] += a.days().get(i)[0] - b.days().get(i)[0];
			dayByMember[member][1]++;
		}
		Random random = new Random(this.seed);
		double[] dayDraws = new double[2000];
		double[] periodDraws = new double[2000];
		for (int draw = 0; draw < dayDraws.length; draw++) {
			double daySum = 0;
			double dayCount = 0;
			double periodSum = 0;
			for (int i = 0; i < memberCount; i++) {
				int member = random.nextInt(memberCount);
				daySum += dayByMember[member][0];
				dayCount += dayByMember[member][1];
				periodSum += a.periods().get(member)[0] - b.periods().get(member)[0];
			}
			dayDraws[draw] = daySum / dayCount;
			periodDraws[draw] = periodSum / memberCount;
		}
		java.util.Arrays.sort(dayDraws);
		java.util.Arrays.sort(periodDraws);
		long better = 0;
		long worse = 0;
		for (int i = 0; i < a.days().size(); i++) {
			double change = a.days().get(i)[0] - b.days().get(i)[0];
			better += (change > 1e-9) ? 1 : 0;
			worse += (change < -1e-9) ? 1 : 0;
		}
		return String.format(Locale.ROOT,
				"NDCG@10 per day %+.3f (95%% interval %+.3f to %+.3f; better on %d member-days, worse on %d, the same on %d), whole period %+.3f (%+.3f to %+.3f)",
				a.dayNdcg() - b.dayNdcg(), dayDraws[50], dayDraws[1949], better, worse, a.days().size() - better - worse,
				a.periodNdcg() - b.periodNdcg(), periodDraws[50], periodDraws[1949]);
	}

	/**
	 * Chooses the word part's settings on a validation period, never on the test days: each member's
	 * training submissions split again as the members are (the earlier share to train on, the later days
	 * to rank), the test period left out; for each word penalty and author share a model per member,
	 * then each weighting of its parts; the best by NDCG@10 per day. Prints the best ten.
	 */
	void tune(DailyListings archive, List<SimulatedMember> members, double share, int background, Method baseline) {
		Map<String, LocalDate> cutoffs = new HashMap<>();
		members.forEach((member) -> cutoffs.put(member.name(), member.cutoff()));
		List<DailyListings.Listing> earlier = archive.listings()
			.stream()
			.filter((listing) -> listing.submitter() != null && cutoffs.containsKey(listing.submitter())
					&& listing.day().isBefore(cutoffs.get(listing.submitter())))
			.toList();
		List<SimulatedMember> validation = SimulatedMember.of(earlier, 2, share);
		System.out.printf(Locale.ROOT,
				"%nValidation (each member's training period split again; the test period unseen): %d members, %d training, %d validation submissions on %d member-days%n",
				validation.size(), validation.stream().mapToInt((member) -> member.training().size()).sum(),
				validation.stream().mapToInt(SimulatedMember::testSubmissions).sum(),
				validation.stream().mapToInt((member) -> member.testDays().size()).sum());
		record Tried(String name, Result result) {
		}
		List<Tried> tried = new ArrayList<>();
		InterestModel.Settings defaults = InterestModel.Settings.DEFAULTS;
		for (double penalty : new double[] { 0.001, 0.003 }) {
			for (double authorShare : new double[] { 0.5, 1, 2 }) {
				Function<double[], Method> parts = parts(defaults.withWords(1, penalty, authorShare, 0), background);
				for (double words : new double[] { 0, 0.25, 0.5, 1, 2, 4 }) {
					for (double boost : new double[] { 0, 0.5, 1, 2, 4 }) {
						String name = String.format(Locale.ROOT, "words %s, word penalty %s, authors %s, author boost %s", words,
								penalty, authorShare, boost);
						tried.add(new Tried(name, evaluate(validation, parts.apply(new double[] { 1, words, boost }))));
					}
				}
				String name = String.format(Locale.ROOT, "word part alone, word penalty %s, authors %s", penalty, authorShare);
				tried.add(new Tried(name, evaluate(validation, parts.apply(new double[] { 0, 1, 0 }))));
			}
		}
		tried.sort(Comparator.comparingDouble((Tried entry) -> -entry.result().dayNdcg())
			.thenComparingDouble((entry) -> -entry.result().memberNdcg()));
		System.out.println("| on the validation period | NDCG@10 per day | recall@20 per day | NDCG@10 per member | NDCG@10 whole period |");
		System.out.println("|---|---|---|---|---|");
		for (Tried entry : tried.subList(0, Math.min(12, tried.size()))) {
			System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", entry.name(), entry.result().dayNdcg(),
					entry.result().dayRecall(), entry.result().memberNdcg(), entry.result().periodNdcg());
		}
		tried.stream()
			.filter((entry) -> entry.name().startsWith("words 0.0,") && entry.name().endsWith("author boost 0.0"))
			.findFirst()
			.ifPresent((entry) -> System.out.printf(Locale.ROOT, "| (embeddings alone) | %.3f | %.3f | %.3f | %.3f |%n",
					entry.result().dayNdcg(), entry.result().dayRecall(), entry.result().memberNdcg(),
					entry.result().periodNdcg()));
		Result reference = evaluate(validation, baseline);
		System.out.printf(Locale.ROOT, "| (baseline: TF-IDF title+abstract+authors, SVM C=0.01) | %.3f | %.3f | %.3f | %.3f |%n",
				reference.dayNdcg(), reference.dayRecall(), reference.memberNdcg(), reference.periodNdcg());
		System.out.println("Best on validation: " + tried.get(0).name());
	}

	/**
	 * A member with 500 signals over the whole archive: training, then scoring every paper, for the
	 * product's model and for the baseline (medians of 5 runs after 2 warm-ups; a printed figure, not a
	 * test).
	 */
	void speed(Map<String, SparseVector> tfIdf, int background) {
		List<String> all = new ArrayList<>(this.firstDay.keySet());
		Collections.shuffle(all, new Random(this.seed));
		List<String> signals = all.subList(0, 500);
		List<String> rest = all.subList(500, all.size());
		List<Example> positives = signals.stream().map(this::example).toList();
		List<Example> sample = rest.subList(0, Math.min(background, rest.size())).stream().map(this::example).toList();
		List<Candidate> candidates = all.stream().map(this::candidate).toList();
		InterestModel.Examples examples = new InterestModel.Examples(positives, List.of(), sample);
		long[] train = new long[7];
		long[] score = new long[7];
		long[] words = new long[7];
		long[] cpu = new long[7];
		long[] week = new long[7];
		// a week of the archive's lists: the feed's default window
		List<Candidate> weekCandidates = candidates.subList(0, Math.min(candidates.size(), 7 * 16));
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int run = 0; run < 7; run++) {
			long cpuStarted = threads.getCurrentThreadCpuTime();
			long started = System.nanoTime();
			InterestModel model = InterestModel.train(examples);
			train[run] = System.nanoTime() - started;
			started = System.nanoTime();
			model.rank(candidates, 30);
			score[run] = System.nanoTime() - started;
			cpu[run] = threads.getCurrentThreadCpuTime() - cpuStarted;
			started = System.nanoTime();
			InterestModel.train(examples).rank(weekCandidates, 50);
			week[run] = System.nanoTime() - started;
			started = System.nanoTime();
			candidates.forEach((candidate) -> PaperWords.of(candidate.text()));
			words[run] = System.nanoTime() - started;
		}
		SimulatedMember member = new SimulatedMember("speed", LocalDate.MAX, signals, Map.of());
		Method svm = svm(tfIdf, 0.01);
		long[] svmTrain = new long[3];
		long[] svmScore = new long[3];
		for (int run = 0; run < 3; run++) {
			long started = System.nanoTime();
			Scorer scorer = svm.train(member, rest);
			svmTrain[run] = System.nanoTime() - started;
			started = System.nanoTime();
			all.forEach(scorer::score);
			svmScore[run] = System.nanoTime() - started;
		}
		System.out.printf(Locale.ROOT,
				"Speed, a member with 500 signals, %d papers: the product's model trains in %.1f ms (%d background papers) and ranks all in %.1f ms (of which reading their words %.1f ms), %.1f ms of CPU time for both; trained and ranking a week's %d papers: %.1f ms; the baseline's SVM trains in %.0f ms (%d negatives) and scores all in %.1f ms%n",
				all.size(), median(train, 2) / 1e6, sample.size(), median(score, 2) / 1e6, median(words, 2) / 1e6,
				median(cpu, 2) / 1e6, weekCandidates.size(), median(week, 2) / 1e6, median(svmTrain, 1) / 1e6, rest.size(), median(svmScore, 1) / 1e6);
	}

	private static double median(long[] runs, int warmUps) {
		long[] measured = java.util.Arrays.copyOfRange(runs, warmUps, runs.length);
		java.util.Arrays.sort(measured);
		return measured[measured.length / 2];
	}

}
