package io.paperboy.web;

/** Rate limits on the embedded H2 database, as a fresh install runs it. */
class H2RateLimitsTests extends RateLimitsContract {

}
