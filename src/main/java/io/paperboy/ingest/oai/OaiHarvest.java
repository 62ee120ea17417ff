package io.paperboy.ingest.oai;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code ListRecords} harvest: what it asks for, which names its checkpoint. Two runs with the
 * same options are the same harvest, so the second resumes the first.
 *
 * @param metadataPrefix {@code arXiv} or {@code arXivRaw}
 * @param set the OAI set ({@code cs}, {@code physics:hep-th}), or null for all of arXiv
 * @param from the first datestamp day, or null for the beginning
 * @param until the last datestamp day, or null for the latest
 */
record OaiHarvest(String metadataPrefix, String set, LocalDate from, LocalDate until) {

	/** The formats the harvester reads. */
	static final List<String> FORMATS = List.of("arXiv", "arXivRaw");

	/** The name of the checkpoint holding the resumption token of the next page. */
	String checkpointName() {
		return "oai:" + this.metadataPrefix + ":" + text(this.set) + ":" + text(this.from) + ":" + text(this.until);
	}

	/** The first page's request. */
	URI firstPage(URI base) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("verb", "ListRecords");
		parameters.put("metadataPrefix", this.metadataPrefix);
		if (this.set != null) {
			parameters.put("set", this.set);
		}
		if (this.from != null) {
			parameters.put("from", this.from.toString());
		}
		if (this.until != null) {
			parameters.put("until", this.until.toString());
		}
		return withQuery(base, parameters);
	}

	/** A later page's request: OAI-PMH allows only the verb beside a resumption token. */
	static URI nextPage(URI base, String resumptionToken) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("verb", "ListRecords");
		parameters.put("resumptionToken", resumptionToken);
		return withQuery(base, parameters);
	}

	private static URI withQuery(URI base, Map<String, String> parameters) {
		String query = parameters.entrySet()
			.stream()
			.map((parameter) -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String address = base.toString();
		return URI.create(address + (address.contains("?") ? "&" : "?") + query);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	@Override
	public String toString() {
		return this.metadataPrefix + " records" + ((this.set != null) ? " of set " + this.set : "")
				+ ((this.from != null) ? " from " + this.from : "") + ((this.until != null) ? " until " + this.until : "");
	}

}
