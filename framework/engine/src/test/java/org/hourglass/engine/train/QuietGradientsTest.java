package org.hourglass.engine.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.hourglass.engine.TestRuntime;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class QuietGradientsTest {

	@Test
	void differentiatesWithoutTheTraceButKeepsOtherOutput() {
		TestRuntime.start();
		final SameDiff sd = SameDiff.create();
		final SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
		final SDVariable w = sd.var("w", Nd4j.ones(DataType.FLOAT, 3, 1));
		sd.setLossVariables(sd.math().square(x.mmul(w)).sum("loss"));

		final PrintStream original = System.out;
		final ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			QuietGradients.ensure(sd);
			System.out.println("after");
		}
		finally {
			final PrintStream ours = System.out;
			System.setOut(original);
			assertSame(ours.getClass(), PrintStream.class, "the filter is removed afterwards");
		}
		assertTrue(sd.hasGradientFunction());
		final String out = captured.toString(StandardCharsets.UTF_8);
		assertFalse(out.contains("Added differentiated op"), out);
		assertTrue(out.contains("after"), out);
	}
}
