package io.paperboy.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How Tomcat writes answers: {@code paperboy.connector.*}.
 *
 * @param writeBuffer how much of an answer Tomcat gathers before each write to the connection. A
 * day page (about 90 kB) or the day's API answer (about 250 kB) then leaves in one or a few system
 * calls instead of one per 8 kB, Tomcat's own default, which halves the CPU an anonymous read costs.
 * Each open connection holds one such buffer on the heap, so the default is scaled down on a heap
 * under 1 GB, as the caches are (16 kB at 256 MB); never below 8 kB
 */
@ConfigurationProperties("paperboy.connector")
record ConnectorProperties(@DefaultValue("64KB") DataSize writeBuffer) {
}
