package io.paperboy.ingest.arxiv;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The refresh of recently changed papers: {@code paperboy.sources.arxiv.refresh.*} (its schedule is
 * {@code paperboy.sources.arxiv.refresh-cron}).
 *
 * @param days how far back the refresh looks: papers published or placed on a daily list in this
 * many past days are looked up again, so a new version replaces their metadata
 * @param missingCategories how many papers on the daily lists that have no arXiv category (Hugging
 * Face's lists carry none) each refresh also looks up, the most recently listed first, so their
 * categories fill in over a few runs without a burst of requests; those still without categories
 * (arXiv down, the run stopped) are looked up again by the next refresh; 0 switches this off
 */
@ConfigurationProperties("paperboy.sources.arxiv.refresh")
record RefreshProperties(@DefaultValue("30") Integer days, @DefaultValue("1000") Integer missingCategories) {

}
