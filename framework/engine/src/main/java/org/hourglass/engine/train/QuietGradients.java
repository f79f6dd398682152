package org.hourglass.engine.train;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Builds a graph's gradient function without the line per operation that SameDiff 1.0.0-M2.1 prints
 * to standard output while differentiating (which would flood the CLI and the Fiji console).
 * Other output written meanwhile, from any thread, is passed through.
 */
final class QuietGradients {

	private static final String NOISE = "Added differentiated op ";

	private QuietGradients() {}

	/** Creates {@code sd}'s gradient function if it has none, with {@link FastReluGradient}'s swap applied. */
	static void ensure(final SameDiff sd) {
		if (sd.hasGradientFunction()) return;
		synchronized (QuietGradients.class) {
			final PrintStream original = System.out;
			System.setOut(new FilteringStream(original));
			try {
				sd.createGradFunction();
				FastReluGradient.apply(sd);
			}
			finally {
				System.out.flush();
				System.setOut(original);
			}
		}
	}

	/** Buffers lines and forwards every line that is not SameDiff's differentiation trace. */
	private static final class FilteringStream extends PrintStream {

		private final PrintStream target;

		FilteringStream(final PrintStream target) {
			super(new ByteArrayOutputStream(), true, Charset.defaultCharset());
			this.target = target;
		}

		@Override
		public void println(final String line) {
			if (line == null || !line.startsWith(NOISE)) target.println(line);
		}

		@Override
		public void println(final Object o) {
			println(String.valueOf(o));
		}

		@Override
		public void print(final String s) {
			target.print(s);
		}

		@Override
		public void write(final byte[] buf, final int off, final int len) {
			target.write(buf, off, len);
		}

		@Override
		public void write(final int b) {
			target.write(b);
		}

		@Override
		public void flush() {
			target.flush();
		}
	}
}
