package org.hourglass.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.hourglass.api.training.TrainingReport;
import org.junit.jupiter.api.Test;

class BlindSpotBudgetTest {

	private static TrainingReport run(final TrainingReport.Ending ending, final double minutes, final long steps) {
		return new TrainingReport(List.of(), 1, 0.01, ending, minutes * 60, steps);
	}

	@Test
	void aBudgetThatEndedFarShortSaysWhichBudgetReachesTheSteps() {
		// 290 steps in 10 minutes: 29 a minute, 1,500 steps take 51.7 minutes, rounded up to 55
		final String a = BlindSpotBudget.advice(run(TrainingReport.Ending.TIME_BUDGET, 10, 290)).orElseThrow();
		assertTrue(a.contains("after 290 steps in 10 minutes (29 a minute"), a);
		assertTrue(a.contains("about 1,500 steps"), a);
		assertTrue(a.contains("time budget of 55 minutes (minutes=55)"), a);
		// exactly 1,500 steps in the suggestion is not rounded further
		assertTrue(BlindSpotBudget.advice(run(TrainingReport.Ending.TIME_BUDGET, 10, 300)).orElseThrow().contains(
			"minutes=50)"));
		// a first step that took a whole (very short) budget: at least 5 minutes, and in seconds
		final String one = BlindSpotBudget.advice(run(TrainingReport.Ending.TIME_BUDGET, 0.1, 1)).orElseThrow();
		assertTrue(one.contains("after 1 step in 6 seconds (10 a minute"), one);
		assertTrue(one.contains("minutes=150)"), one);
	}

	@Test
	void runsCloseToTheStepsOrNotEndedByTheBudgetGetNoAdvice() {
		assertEquals(Optional.empty(), BlindSpotBudget.advice(run(TrainingReport.Ending.TIME_BUDGET, 10, 1_200)));
		assertTrue(BlindSpotBudget.advice(run(TrainingReport.Ending.TIME_BUDGET, 10, 1_199)).isPresent());
		assertEquals(Optional.empty(), BlindSpotBudget.advice(run(TrainingReport.Ending.COMPLETED, 10, 290)));
		assertEquals(Optional.empty(), BlindSpotBudget.advice(run(TrainingReport.Ending.EARLY_STOPPING, 10, 290)));
		assertEquals(Optional.empty(), BlindSpotBudget.advice(run(TrainingReport.Ending.CANCELLED, 10, 290)));
		assertEquals(Optional.empty(), BlindSpotBudget.advice(run(TrainingReport.Ending.TIME_BUDGET, 10, 0)));
		assertEquals(Optional.empty(), BlindSpotBudget.advice(run(TrainingReport.Ending.TIME_BUDGET, 0, 5)));
	}
}
