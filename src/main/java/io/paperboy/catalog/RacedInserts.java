package io.paperboy.catalog;

import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * Two writers (two sources, two nodes) can both find a paper missing and both insert it: the second
 * insert fails on the primary key and its transaction rolls back. Run again, the same write finds
 * the paper present and updates it instead, so a write that raced is simply done once more.
 */
public final class RacedInserts {

	private static final int ATTEMPTS = 3;

	private RacedInserts() {
	}

	/**
	 * Runs {@code write}, a whole transaction, again when it lost a race to insert a row.
	 * @param write the transaction
	 * @param beforeAgain undoes what the lost attempt left in memory (ids learnt inside it)
	 */
	public static <T> T retry(Supplier<T> write, Runnable beforeAgain) {
		for (int attempt = 1;; attempt++) {
			try {
				return write.get();
			}
			catch (DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				beforeAgain.run();
			}
		}
	}

	/** {@link #retry(Supplier, Runnable)} for a write that leaves nothing in memory. */
	public static <T> T retry(Supplier<T> write) {
		return retry(write, () -> {
		});
	}

}
