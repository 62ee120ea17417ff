package io.paperboy.catalog;

import java.time.Instant;

/**
 * One version of a paper on arXiv.
 *
 * @param number the version number, from 1
 * @param submittedAt when it was submitted, if known
 * @param size its size as arXiv gives it ("1234kb"), if known
 */
public record PaperVersion(int number, Instant submittedAt, String size) {

}
