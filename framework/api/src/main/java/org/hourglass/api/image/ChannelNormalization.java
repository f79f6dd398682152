package org.hourglass.api.image;

import java.util.List;

/**
 * The fitted normalisation of each channel of a plane: channel {@code c} is normalised with
 * {@code channels.get(c)}. A network output with other channels than its input is mapped back channel by
 * channel when the counts agree, and with the one input channel's parameters when the input has one channel.
 *
 * @param channels the parameters of each channel, at least one
 */
public record ChannelNormalization(List<NormalizationParams> channels) {

	public ChannelNormalization {
		channels = List.copyOf(channels);
		if (channels.isEmpty()) throw new IllegalArgumentException("a channel normalisation needs at least one channel");
	}

	/** The same parameters for a single channel. */
	public static ChannelNormalization of(final NormalizationParams params) {
		return new ChannelNormalization(List.of(params));
	}

	public int size() {
		return channels.size();
	}

	/** The parameters of channel {@code c} ({@code c}'s own, or the only channel's). */
	public NormalizationParams get(final int c) {
		return channels.size() == 1 ? channels.get(0) : channels.get(c);
	}

	/** A new plane with normalised values; the input is unchanged. */
	public Plane apply(final Plane in) {
		requireChannels(in.channels());
		final float[] out = in.data().clone();
		applyInPlace(out, in.pixels(), in.channels());
		return new Plane(in.width(), in.height(), in.channels(), out);
	}

	/** Normalises channel-major {@code values} of {@code channels} channels of {@code pixels} values each, in place. */
	public void applyInPlace(final float[] values, final int pixels, final int channels) {
		requireChannels(channels);
		for (int c = 0; c < channels; c++) {
			final NormalizationParams p = get(c);
			final double inv = 1 / p.scale();
			final double offset = p.offset();
			for (int i = c * pixels, end = i + pixels; i < end; i++) {
				values[i] = (float) ((values[i] - offset) * inv);
			}
		}
	}

	/** The inverse of {@link #applyInPlace}, in place, for {@code channels} output channels. */
	public void invertInPlace(final float[] values, final int pixels, final int channels) {
		requireChannels(channels);
		for (int c = 0; c < channels; c++) {
			final NormalizationParams p = get(c);
			final double scale = p.scale();
			final double offset = p.offset();
			for (int i = c * pixels, end = i + pixels; i < end; i++) {
				values[i] = (float) (values[i] * scale + offset);
			}
		}
	}

	private void requireChannels(final int n) {
		if (channels.size() != 1 && channels.size() != n) {
			throw new IllegalArgumentException("normalisation of " + channels.size() + " channels cannot map " + n +
				" channels");
		}
	}
}
