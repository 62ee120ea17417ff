package io.paperboy.backup;

import io.paperboy.cli.VerbRunner;
import org.springframework.context.annotation.Import;

/**
 * The application {@code restore} runs in: Paperboy's settings (files, environment, command line)
 * and the verb, but nothing that opens the database or the search index, since restore writes the
 * database file itself into a data directory that must stay empty until it does. Not a
 * {@code @Configuration}, so the server's component scan leaves it alone.
 */
@Import({ RestoreVerb.class, VerbRunner.class })
public class RestoreConfiguration {

}
