package io.paperboy.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The development outbox, in SQL. */
@Repository
class DevMailRepository {

	private final JdbcClient jdbc;

	DevMailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(MailMessage message, Instant now) {
		this.jdbc.sql("""
				insert into dev_mail (recipient, subject, text_body, html_body, headers, created_at)
				values (:to, :subject, :text, :html, :headers, :now)
				""")
			.param("to", message.to())
			.param("subject", message.subject())
			.param("text", message.text())
			.param("html", message.html())
			.param("headers", message.headers()
				.entrySet()
				.stream()
				.map((header) -> header.getKey() + ": " + header.getValue())
				.collect(Collectors.joining("\n")))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	List<KeptMail> newest(int limit) {
		return this.jdbc.sql("select * from dev_mail order by id desc limit :limit")
			.param("limit", limit)
			.query(DevMailRepository::map)
			.list();
	}

	List<KeptMail> to(String address) {
		return this.jdbc.sql("select * from dev_mail where lower(recipient) = lower(:to) order by id")
			.param("to", address)
			.query(DevMailRepository::map)
			.list();
	}

	Optional<KeptMail> find(long id) {
		return this.jdbc.sql("select * from dev_mail where id = :id").param("id", id).query(DevMailRepository::map).optional();
	}

	int forget(String address) {
		return this.jdbc.sql("delete from dev_mail where recipient = :address").param("address", address).update();
	}

	private static KeptMail map(ResultSet rs, int row) throws SQLException {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : rs.getString("headers").split("\n")) {
			int colon = line.indexOf(": ");
			if (colon > 0) {
				headers.put(line.substring(0, colon), line.substring(colon + 2));
			}
		}
		return new KeptMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), headers,
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
