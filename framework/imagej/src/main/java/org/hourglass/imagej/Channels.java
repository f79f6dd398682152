package org.hourglass.imagej;

/** How a network sees an image's channels. */
public enum Channels {
	/** Each channel is an image of its own: a single-channel network, applied channel by channel. */
	SEPARATE,
	/** All channels together: a network that reads (and writes) every channel at once. */
	JOINT;

	/** {@code separate} or {@code joint}, as commands name them. */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The mode called {@code id}.
	 *
	 * @throws org.hourglass.api.InvalidInputException if there is none
	 */
	public static Channels of(final String id) {
		for (final Channels c : values()) {
			if (c.id().equals(id)) return c;
		}
		throw new org.hourglass.api.InvalidInputException("Unknown channels choice '" + id + "'; expected separate or " +
			"joint.");
	}
}
