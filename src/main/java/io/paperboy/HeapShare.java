package io.paperboy;

/**
 * The bound of an in-memory cache, chosen for a heap of at least {@link #FULL_HEAP} and scaled down in
 * proportion on a smaller one. A server with a few GB of memory gets a heap of 1 GB or more by
 * default and keeps every cache at its full bound, as before; a 1 GB machine's JVM gets a 256 MB heap
 * by default (a quarter of the memory), and there each cache keeps a quarter of its bound, so that the
 * caches together hold the same share of any heap and leave the rest to requests, imports and
 * digests. H2's own page cache scales the same way (64 MB per GB of heap).
 */
public final class HeapShare {

	/** The heap at and above which a cache keeps its full bound: 1 GB. */
	public static final long FULL_HEAP = 1L << 30;

	private HeapShare() {
	}

	/** {@code bound} scaled to this JVM's maximum heap ({@code -Xmx}). */
	public static long of(long bound) {
		return of(bound, Runtime.getRuntime().maxMemory());
	}

	/**
	 * {@code bound} scaled to a maximum heap of {@code maxHeap} bytes: the whole of it from
	 * {@link #FULL_HEAP} up (or when the heap has no limit), in proportion below, and never less than 1.
	 */
	public static long of(long bound, long maxHeap) {
		if (maxHeap >= FULL_HEAP) {
			return bound;
		}
		// a bound of up to 8 TB times a heap under 1 GB stays within a long
		return Math.max(1, Math.multiplyExact(bound, Math.max(maxHeap, 0)) / FULL_HEAP);
	}

}
