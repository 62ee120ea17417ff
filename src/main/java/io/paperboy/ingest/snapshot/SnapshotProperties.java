package io.paperboy.ingest.snapshot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the bulk snapshot import works: {@code paperboy.snapshot.*}.
 *
 * @param batchSize lines saved per transaction, together with the checkpoint a later run resumes
 * from; larger batches save faster and hold more memory (a few kB per line)
 */
@ConfigurationProperties("paperboy.snapshot")
record SnapshotProperties(Integer batchSize) {

	SnapshotProperties {
		batchSize = (batchSize != null && batchSize > 0) ? batchSize : 2_000;
	}

}
