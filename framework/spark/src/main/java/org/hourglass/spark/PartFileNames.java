package org.hourglass.spark;

import org.apache.hadoop.fs.Path;

/**
 * The part files a task fills before renaming them into place:
 * {@code <folder>/.<name>.<application>-<task attempt>.spark.part}. Hidden, so that no reader (Hourglass,
 * Hadoop input formats) takes them for results or inputs. Those of other applications are left by killed jobs
 * and removed when the next job starts: only files named exactly so, never a user's file.
 */
final class PartFileNames {

	private static final String SUFFIX = ".spark.part";

	private PartFileNames() {}

	/** The part file of {@code target} written by one task attempt of one application. */
	static Path of(final Path target, final String application, final long taskAttempt) {
		return new Path(target.getParent(), "." + target.getName() + "." + application + "-" + taskAttempt + SUFFIX);
	}

	/** True for a part file name of an application other than {@code application}. */
	static boolean isStale(final String name, final String application) {
		return name.startsWith(".") && name.endsWith(SUFFIX) && !name.contains("." + application + "-");
	}
}
