package org.hourglass.engine;

/** Starts ND4J for tests that do not go through the service. */
public final class TestRuntime {

	private TestRuntime() {}

	public static void start() {
		Nd4jRuntime.start();
	}
}
