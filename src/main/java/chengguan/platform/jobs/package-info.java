/** Scheduled jobs, locked with ShedLock so that only one node runs each. */
package chengguan.platform.jobs;
