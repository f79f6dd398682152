package org.hourglass.imagej;

import org.hourglass.api.image.Plane;

/**
 * One plane of an ImageJ image with its position in the hyperstack. Positions count from 1, as in ImageJ;
 * channel 0 stands for all channels together (a multi-channel plane).
 *
 * @param channel the channel, from 1, or 0 for all of them
 * @param slice the z slice, from 1
 * @param frame the time frame, from 1
 * @param plane the plane's values
 */
public record StackPlane(int channel, int slice, int frame, Plane plane) {

	public StackPlane {
		if (channel < 0 || slice < 1 || frame < 1) {
			throw new IllegalArgumentException("plane positions count from 1, got c=" + channel + ", z=" + slice +
				", t=" + frame);
		}
		if (plane == null) throw new IllegalArgumentException("a stack plane needs a plane");
	}

	/** A short name for messages, e.g. {@code c2 z5 t1}. */
	public String position() {
		return (channel == 0 ? "" : "c" + channel + " ") + "z" + slice + " t" + frame;
	}
}
