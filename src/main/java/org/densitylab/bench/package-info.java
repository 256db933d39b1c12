/**
 * The {@code densitylab bench} command: throughput and latency of the hot paths, measured with warm-up
 * and repeated timed rounds (median and spread reported). Timings live here, never in pass/fail tests.
 */
package org.densitylab.bench;
