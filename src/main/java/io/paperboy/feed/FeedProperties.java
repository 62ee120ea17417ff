package io.paperboy.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the daily, weekly and monthly lists.
 *
 * @param cacheTtl how long a list read from the database is served from memory. Changes made by
 * this process clear the cache at once; changes made by another process (an import run beside the
 * server) show within this time. Default 5 seconds.
 * @param cacheSize how many lists are kept in memory at most. Default 1000.
 */
@ConfigurationProperties("paperboy.feed")
public record FeedProperties(@DefaultValue("5s") Duration cacheTtl, @DefaultValue("1000") long cacheSize) {

}
