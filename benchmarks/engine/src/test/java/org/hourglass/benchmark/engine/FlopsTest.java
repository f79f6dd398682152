package org.hourglass.benchmark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hourglass.api.network.NetworkSpec;
import org.junit.jupiter.api.Test;

class FlopsTest {

	/**
	 * Values printed by {@code python3 torch_reference.py --patch 64} ("forward_flop_per_patch",
	 * "train_flop_per_patch"); by hand: multiply-adds 9·(1·32·4096 + 32·64·1024 + 64·64·256 + 64·32·1024 +
	 * 32·32·4096 + 32·1·4096) = 87,293,952.
	 */
	@Test
	void referenceNetworkMatchesTheScript() {
		final NetworkSpec net = ReferenceNetwork.network();
		assertEquals(87_293_952L, Flops.forwardMacs(net, 64));
		assertEquals(174_587_904L, Flops.forward(net, 64));
		assertEquals(521_404_416L, Flops.training(net, 64));
	}

	@Test
	void scalesWithThePatchArea() {
		final NetworkSpec net = ReferenceNetwork.network();
		assertEquals(4 * Flops.forward(net, 64), Flops.forward(net, 128));
	}

	/** A depth-1 U-Net with 2 filters, by hand: 2 convs per level, the decoder sees the concatenated skip. */
	@Test
	void countsSkipChannels() {
		final NetworkSpec net = NetworkSpec.unet(1, 2, false); // enc [2, 4], dec [2]
		final long p = 8 * 8;
		final long q = 4 * 4;
		final long macs = 9 * (1 * 2 * p + 2 * 2 * p) + 9 * (2 * 4 * q + 4 * 4 * q) + 9 * ((4 + 2) * 2 * p + 2 * 2 * p) +
			9 * 2 * 1 * p;
		assertEquals(macs, Flops.forwardMacs(net, 8));
	}
}
