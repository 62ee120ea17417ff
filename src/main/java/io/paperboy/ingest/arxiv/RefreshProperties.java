package io.paperboy.ingest.arxiv;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The refresh of recently changed papers: {@code paperboy.sources.arxiv.refresh.*} (its schedule is
 * {@code paperboy.sources.arxiv.refresh-cron}).
 *
 * @param days how far back the refresh looks: papers published or placed on a daily list in this
 * many past days are looked up again, so a new version replaces their metadata
 */
@ConfigurationProperties("paperboy.sources.arxiv.refresh")
record RefreshProperties(@DefaultValue("30") Integer days) {

}
