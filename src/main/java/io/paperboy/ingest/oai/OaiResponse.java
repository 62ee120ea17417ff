package io.paperboy.ingest.oai;

import java.util.List;

import io.paperboy.catalog.ArxivRecord;

/**
 * One page of a {@code ListRecords} answer.
 *
 * @param records the records that parsed, in page order
 * @param deletedIds ids of records the repository marks deleted
 * @param skipped why each record that did not parse was left out
 * @param resumptionToken the token that asks for the next page; null on the last page
 * @param completeListSize how many records the whole list has, when the repository says
 * @param versionsKnown whether the records carry their real version numbers ({@code arXivRaw}
 * does; {@code arXiv} does not, so its records say version 1)
 */
record OaiResponse(List<ArxivRecord> records, List<String> deletedIds, List<String> skipped, String resumptionToken,
		Integer completeListSize, boolean versionsKnown) {

	OaiResponse {
		records = List.copyOf(records);
		deletedIds = List.copyOf(deletedIds);
		skipped = List.copyOf(skipped);
	}

	/** Whether this is the list's last page. */
	boolean last() {
		return this.resumptionToken == null;
	}

}
