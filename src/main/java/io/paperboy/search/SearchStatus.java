package io.paperboy.search;

/**
 * The state of the index, for operators.
 *
 * @param folder where the index is
 * @param papersInDatabase papers in the catalog
 * @param papersIndexed papers in the index (searchable by words)
 * @param papersEmbedded papers with a vector (searchable by meaning)
 * @param rebuilding whether a rebuild is under way
 * @param embeddingsEnabled whether the embedding queue runs
 * @param embeddedSinceStart papers the queue embedded since the server started
 * @param papersPerSecond the queue's rate: its threads' rates in their last batches, added up
 * @param threadsEmbedding the queue's threads embedding a paper now
 * @param alwaysThreads the queue's threads that embed whenever papers wait
 * @param idleThreads the queue's threads that embed only while the server is quiet
 * @param otherCores cores the machine's other processes took lately, as those threads read it
 * @param sizeInBytes size of the index's files
 * @param rebuild how far the rebuild under way has come; {@code null} when none is
 */
public record SearchStatus(String folder, long papersInDatabase, int papersIndexed, int papersEmbedded,
		boolean rebuilding, boolean embeddingsEnabled, long embeddedSinceStart, double papersPerSecond,
		int threadsEmbedding, int alwaysThreads, int idleThreads, double otherCores, long sizeInBytes, RebuildProgress rebuild) {

	/** Share of the indexed papers that are embedded, 0 to 100. */
	public int embeddedPercent() {
		return (this.papersIndexed == 0) ? 100 : (int) Math.floor(100.0 * this.papersEmbedded / this.papersIndexed);
	}

	public String size() {
		return String.format(java.util.Locale.ROOT, "%.1f MB", this.sizeInBytes / 1e6);
	}

	public String otherWork() {
		return String.format(java.util.Locale.ROOT, "%.1f", this.otherCores);
	}

	public String rate() {
		return String.format(java.util.Locale.ROOT, "%.1f", this.papersPerSecond);
	}

}
