package org.hourglass.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

/**
 * Golden values come from an independent NumPy implementation on the same synthetic images:
 * src/test/resources/metrics_golden.py (python3 metrics_golden.py prints MSE, PSNR, SSIM).
 */
class MetricsTest {

	private static final int W = 40;
	private static final int H = 32;

	private static Plane reference() {
		final Plane p = new Plane(W, H);
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) p.set(x, y, (x * 7 + y * 13) % 256);
		}
		return p;
	}

	private static Plane test() {
		final Plane p = reference();
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) p.set(x, y, p.get(x, y) + 3 * (((x * y * 31 + x * 3) % 17) - 8));
		}
		return p;
	}

	@Test
	void matchTheIndependentImplementation() {
		assertEquals(244.4484375, Metrics.mse(test(), reference()), 1e-9);
		assertEquals(24.248930952439064, Metrics.psnr(test(), reference(), 255), 1e-9);
		assertEquals(0.8859801434494605, Metrics.ssim(test(), reference(), 255), 1e-9);
	}

	@Test
	void identicalImagesArePerfect() {
		assertEquals(0, Metrics.mse(reference(), reference()));
		assertEquals(Double.POSITIVE_INFINITY, Metrics.psnr(reference(), reference(), 255));
		assertEquals(1, Metrics.ssim(reference(), reference(), 255), 1e-12);
	}

	@Test
	void psnrOfAConstantOffsetIsClosedForm() {
		final Plane shifted = reference().copy();
		for (int i = 0; i < shifted.data().length; i++) shifted.data()[i] += 5;
		// MSE = 25, PSNR = 10 log10(255^2 / 25)
		assertEquals(10 * Math.log10(255.0 * 255 / 25), Metrics.psnr(shifted, reference(), 255), 1e-9);
		assertTrue(Metrics.ssim(shifted, reference(), 255) < 1);
	}

	@Test
	void refuseMismatchedOrTinyImages() {
		final IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
			() -> Metrics.mse(new Plane(3, 3), new Plane(4, 3)));
		assertTrue(size.getMessage().contains("3x3") && size.getMessage().contains("4x3"), size.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Metrics.ssim(new Plane(10, 10), new Plane(10, 10), 1));
		assertThrows(IllegalArgumentException.class, () -> Metrics.psnr(reference(), reference(), 0));
	}
}
