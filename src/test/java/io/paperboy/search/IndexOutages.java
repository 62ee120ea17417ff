package io.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.springframework.context.ApplicationContext;

/**
 * The search index of a running application out of service, for tests of what pages do meanwhile. Each
 * outage ends when what it returns is closed: the index starts again and catches up with the catalog, as
 * after a restart.
 */
public final class IndexOutages {

	private IndexOutages() {
	}

	/**
	 * The index stops taking changes, as when the application stops: a paper saved meanwhile is neither
	 * indexed nor embedded, and is "not embedded yet" for whoever reads vectors. Reads still work.
	 */
	public static Outage stopWriting(ApplicationContext context) {
		IndexSync sync = context.getBean(IndexSync.class);
		sync.stop();
		return sync::start;
	}

	/**
	 * The index closed and its lock held, as by another process (a {@code reindex} beside the server):
	 * every read of the index fails until the outage ends.
	 */
	public static Outage heldElsewhere(ApplicationContext context) {
		IndexSync sync = context.getBean(IndexSync.class);
		sync.stop();
		try {
			Directory directory = FSDirectory.open(sync.location().folder());
			Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
			return () -> {
				try {
					lock.close();
					directory.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				sync.start();
			};
		}
		catch (IOException ex) {
			sync.start();
			throw new UncheckedIOException(ex);
		}
	}

	/** An outage under way; closing it ends it. */
	@FunctionalInterface
	public interface Outage extends AutoCloseable {

		@Override
		void close();

	}

}
