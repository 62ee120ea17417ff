package io.paperboy.stats;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code /stats} page.
 *
 * @param cacheTtl how long the page's figures are served from memory once computed: the page is
 * at most this old, whatever changed meanwhile (imports, members' votes, other processes).
 * Default 1 minute.
 */
@ConfigurationProperties("paperboy.stats")
public record StatsProperties(@DefaultValue("1m") Duration cacheTtl) {

}
