package io.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered merging, and besides it every small segment merged into one as soon as there are
 * two. The index is refreshed every quarter of a second while papers, votes and vectors come in, and
 * each refresh with changes leaves a small segment; tiered merging lets ten of a tier wait before it
 * merges them. A search pays for each segment (looking up each of its words, setting up a scorer, its
 * doc values), whatever its size: on the real archive, eight segments, six of them under 100 kB, cost
 * about one and a half times the CPU a search of one does. Merging small segments is cheap (their
 * vectors' graphs are small), so it is done at once.
 */
final class SmallSegmentsMerged extends FilterMergePolicy {

	/** Segments smaller than this, counting their deletions out, are merged together. */
	static final long SMALL_BYTES = 2L * 1024 * 1024;

	SmallSegmentsMerged() {
		super(new TieredMergePolicy());
	}

	@Override
	public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
			throws IOException {
		MergeSpecification tiered = super.findMerges(trigger, infos, context);
		Set<SegmentCommitInfo> taken = new HashSet<>(context.getMergingSegments());
		if (tiered != null) {
			for (OneMerge merge : tiered.merges) {
				taken.addAll(merge.segments);
			}
		}
		List<SegmentCommitInfo> small = new ArrayList<>();
		for (SegmentCommitInfo segment : infos) {
			if (!taken.contains(segment) && size(segment, context) < SMALL_BYTES) {
				small.add(segment);
			}
		}
		if (small.size() < 2) {
			return tiered;
		}
		MergeSpecification merges = (tiered != null) ? tiered : new MergeSpecification();
		merges.add(new OneMerge(small));
		return merges;
	}

}
