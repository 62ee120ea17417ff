/**
 * When sources run by themselves: recurring jobs on cron properties and a backfill on first start,
 * claimed through the database (db-scheduler) so that each runs once across several app nodes.
 */
package io.paperboy.ingest.schedule;
