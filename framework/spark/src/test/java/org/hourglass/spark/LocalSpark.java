package org.hourglass.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark in local mode for tests: on the loopback address, without its web UI. */
final class LocalSpark {

	private LocalSpark() {}

	/**
	 * @param master e.g. {@code local[2]}, or {@code local[2,2]} to retry a failed task once
	 * @param settings further configuration keys and values, in pairs
	 */
	static JavaSparkContext start(final String master, final String... settings) {
		final SparkConf conf = new SparkConf().setMaster(master).setAppName("hourglass-test").set("spark.ui.enabled",
			"false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
		for (int i = 0; i + 1 < settings.length; i += 2) conf.set(settings[i], settings[i + 1]);
		return new JavaSparkContext(conf);
	}
}
